import { describe, expect, it } from 'vitest';
import {
  codespaceCommands,
  heldCommands,
  navigationCommands,
  orgCodespaceHref,
  orgFromPath,
  safeWebUrl,
  sshCommand,
  vscodeUrl,
} from './commands';

const codespace = (state: 'Available' | 'Shutdown' | 'Starting' | 'Deleted') => ({
  name: 'mona-web-1',
  title: 'Web',
  repository: 'octo-org/web',
  state,
});

describe('palette commands', () => {
  it('offers Stop for a running codespace and Start for a stopped one, never both', () => {
    expect(codespaceCommands(codespace('Available'))).toEqual(['open', 'stop', 'open-browser', 'open-vscode', 'copy-ssh']);
    expect(codespaceCommands(codespace('Shutdown'))).toEqual(['open', 'start', 'open-browser', 'open-vscode', 'copy-ssh']);
    expect(codespaceCommands(codespace('Starting'))).toEqual(['open', 'open-browser', 'open-vscode', 'copy-ssh']);
    expect(codespaceCommands(codespace('Deleted'))).toEqual(['open']);
  });

  it('holds back all but opening its page while GitHub has an operation pending, and says why', () => {
    const busy = { ...codespace('Available'), pending_operation: true, pending_operation_disabled_reason: 'Moving to a new machine type.' };
    expect(codespaceCommands(busy)).toEqual(['open']);
    expect(heldCommands(busy)).toEqual({
      types: ['stop', 'open-browser', 'open-vscode', 'copy-ssh'],
      reason: 'Moving to a new machine type.',
    });
    expect(heldCommands(codespace('Available'))).toBeNull();
  });

  it('goes to new codespace, usage, secrets and each organisation', () => {
    expect(navigationCommands([{ login: 'octo-org' }]).map((c) => [c.label, c.href])).toEqual([
      ['New codespace', '/codespaces/new'],
      ['Go to your codespaces', '/'],
      ['Go to usage', '/usage'],
      ['Go to secrets', '/secrets'],
      ['Go to octo-org', '/orgs/octo-org'],
    ]);
  });

  it('knows the organisation of the page it is opened on', () => {
    expect(orgFromPath('/orgs/octo-org')).toBe('octo-org');
    expect(orgFromPath('/orgs/octo-org/usage')).toBe('octo-org');
    expect(orgFromPath('/usage')).toBeNull();
    expect(orgFromPath(null)).toBeNull();
    expect(orgCodespaceHref('octo-org', { name: 'hubot-api-9' })).toBe('/orgs/octo-org?q=hubot-api-9');
  });

  it('connects the way GitHub documents: VS Code deep link and gh over SSH', () => {
    expect(vscodeUrl('mona-web-1')).toBe('vscode://github.codespaces/connect?name=mona-web-1');
    expect(sshCommand('mona-web-1')).toBe('gh codespace ssh -c mona-web-1');
  });

  it('opens only http(s) addresses', () => {
    expect(safeWebUrl('https://mona-web-1.example.dev/')).toBe('https://mona-web-1.example.dev/');
    expect(safeWebUrl('javascript:alert(1)')).toBeNull();
    expect(safeWebUrl('')).toBeNull();
    expect(safeWebUrl('not a url')).toBeNull();
  });
});
