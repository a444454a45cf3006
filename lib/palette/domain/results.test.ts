import { describe, expect, it } from 'vitest';
import { paletteResults } from './results';

const web = { name: 'mona-web-1', title: 'Web', repository: 'octo-org/web', state: 'Available' as const };
const api = { name: 'mona-api-2', title: 'API', repository: 'octo-org/api', state: 'Shutdown' as const };
const data = { codespaces: [web, api], organizations: [{ login: 'octo-org' }] };

describe('what the palette lists', () => {
  it('on its first step, finds codespaces and commands by what the user types', () => {
    const results = paletteResults({ kind: 'root' }, 'web', data);
    expect(results.codespaces.map((c) => c.name)).toEqual(['mona-web-1']);
    expect(results.actions).toEqual([]);
  });

  it('for "Stop a codespace…", offers only the codespaces that can be stopped', () => {
    expect(paletteResults({ kind: 'pick', command: 'stop' }, '', data).codespaces.map((c) => c.name)).toEqual(['mona-web-1']);
    expect(paletteResults({ kind: 'pick', command: 'start' }, '', data).codespaces.map((c) => c.name)).toEqual(['mona-api-2']);
  });

  it('on a codespace, lists only what can be done with it', () => {
    const results = paletteResults({ kind: 'codespace', codespace: api }, '', data);
    expect(results.actions).toEqual(['open', 'start', 'open-browser', 'open-vscode', 'copy-ssh']);
    expect(results.codespaces).toEqual([]);
  });

  it('finds an organisation’s codespaces by their owner, on its pages', () => {
    const org = { login: 'octo-org', codespaces: [{ ...web, name: 'hubot-web-9', owner: 'hubot' }] };
    expect(paletteResults({ kind: 'root' }, 'hubot', { ...data, org }).orgCodespaces.map((c) => c.name)).toEqual(['hubot-web-9']);
  });
});
