import { describe, expect, it } from 'vitest';
import { makeCodespace } from '@/lib/test/fixtures';
import {
  liveMachineRequests,
  MACHINE_REQUEST_TTL_MS,
  machineChangeNotice,
  machineRequestAfter,
  pendingMachineChange,
  type MachineRequest,
} from './machine-change';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const basic = { name: 'basicLinux32gb', display_name: '2 cores, 8 GB RAM, 32 GB storage' };
const premium = { name: 'premiumLinux', display_name: '8 cores, 32 GB RAM, 64 GB storage' };
const machine = (m: typeof basic, cpus: number) => ({ ...makeCodespace().machine!, ...m, cpus });
const running = makeCodespace({
  name: 'mona-web-x1',
  state: 'Available',
  machine: machine(basic, 2),
  last_used_at: '2026-11-25T11:00:00Z',
  updated_at: '2026-11-25T12:00:00Z',
});

describe('a machine change for the next start', () => {
  it('names the machine chosen, not the one GitHub’s answer still shows', () => {
    expect(machineChangeNotice('Checkout', premium)).toBe('Checkout will use 8 cores, 32 GB RAM, 64 GB storage from its next start');
  });

  it('is remembered when GitHub’s answer still names the current machine, from GitHub’s own time of the change', () => {
    expect(machineRequestAfter(running, premium, NOW + 5000)).toEqual({
      machine: 'premiumLinux',
      displayName: '8 cores, 32 GB RAM, 64 GB storage',
      from: 'basicLinux32gb',
      at: Date.parse('2026-11-25T12:00:00Z'),
    });
  });

  it('is not remembered when GitHub’s answer already names the chosen machine (a stopped codespace)', () => {
    expect(machineRequestAfter({ ...running, machine: machine(premium, 8) }, premium, NOW)).toBeNull();
  });

  it('stays pending while the codespace runs, and after it stops, on its old machine', () => {
    const request = machineRequestAfter(running, premium, NOW)!;
    expect(pendingMachineChange(running, request)).toBe(request);
    const stopped = { ...running, state: 'Shutdown' as const, last_used_at: '2026-11-25T12:30:00Z' };
    expect(pendingMachineChange(stopped, request)).toBe(request);
  });

  it('ends once GitHub names the chosen machine, or another, or the codespace runs again on its old one', () => {
    const request = machineRequestAfter(running, premium, NOW)!;
    expect(pendingMachineChange({ ...running, state: 'Starting', machine: machine(premium, 8) }, request)).toBeNull();
    expect(pendingMachineChange({ ...running, machine: { ...machine(basic, 4), name: 'standardLinux32gb' } }, request)).toBeNull();
    expect(pendingMachineChange({ ...running, last_used_at: '2026-11-25T13:00:00Z' }, request)).toBeNull();
    expect(pendingMachineChange(running, null)).toBeNull();
  });
});

describe('what the browser keeps of them', () => {
  const request: MachineRequest = { machine: 'premiumLinux', displayName: premium.display_name, from: 'basicLinux32gb', at: NOW };

  it('keeps well-formed requests younger than a month, and nothing else', () => {
    expect(liveMachineRequests({ 'mona-web-x1': request }, NOW + 1000)).toEqual({ 'mona-web-x1': request });
    expect(liveMachineRequests({ 'mona-web-x1': request }, NOW + MACHINE_REQUEST_TTL_MS)).toEqual({});
    expect(liveMachineRequests({ '../x': request }, NOW)).toEqual({});
    expect(liveMachineRequests({ 'mona-web-x1': { ...request, machine: '' } }, NOW)).toEqual({});
    expect(liveMachineRequests('nonsense', NOW)).toEqual({});
  });
});
