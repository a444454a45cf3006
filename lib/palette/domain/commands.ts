import { actionAvailability, pendingOperation, type ActionSubject, type CodespaceAction } from '@/lib/codespaces/domain/state';
import type { CodespaceState } from '@/lib/codespaces/domain/types';

/** What the command palette knows, and does, pure: the page runs the commands. */

export interface PaletteCodespace {
  name: string;
  /** Display name, or the name when it has none. */
  title: string;
  repository: string;
  state: CodespaceState;
  /** GitHub's `web_url`, when the data at hand carries it. */
  webUrl?: string | null;
  /** GitHub's pending operation, during which the codespace can only be deleted (and why). */
  pending_operation?: boolean | null;
  pending_operation_disabled_reason?: string | null;
}

export interface PaletteOrgCodespace extends PaletteCodespace {
  owner: string;
}

export interface PaletteOrganization {
  login: string;
}

export type CodespaceCommandType = 'open' | 'start' | 'stop' | 'open-browser' | 'open-vscode' | 'copy-ssh';

export type PaletteCommand = { type: CodespaceCommandType; codespace: PaletteCodespace } | { type: 'navigate'; href: string };

export const CODESPACE_COMMAND_LABELS: Record<CodespaceCommandType, string> = {
  open: 'Open',
  start: 'Start',
  stop: 'Stop',
  'open-browser': 'Open in browser',
  'open-vscode': 'Open in VS Code',
  'copy-ssh': 'Copy SSH command',
};

/** The action each command is, for the rule of which is allowed when (lib/codespaces/state.ts). */
const COMMAND_ACTIONS: Record<CodespaceCommandType, CodespaceAction | null> = {
  open: null,
  start: 'start',
  stop: 'stop',
  'open-browser': 'connect',
  'open-vscode': 'connect',
  'copy-ssh': 'connect',
};
/** Commands that take a codespace, offered at the top level: choosing one asks which codespace. */
export const PICK_COMMANDS = [
  'start',
  'stop',
  'open-browser',
  'open-vscode',
  'copy-ssh',
] as const satisfies readonly CodespaceCommandType[];
const COMMAND_ORDER = ['open', ...PICK_COMMANDS] as const;

/** Whether a command makes sense for the codespace now (Start only when it can start, …). Opening its page always does. */
export function commandApplies(type: CodespaceCommandType, codespace: Pick<PaletteCodespace, 'state'> & Partial<ActionSubject>): boolean {
  const action = COMMAND_ACTIONS[type];
  return action === null || actionAvailability(codespace, action).allowed;
}

/** The actions offered for one codespace, in the order shown. */
export function codespaceCommands(codespace: PaletteCodespace): CodespaceCommandType[] {
  return COMMAND_ORDER.filter((type) => commandApplies(type, codespace));
}

/**
 * The commands a pending operation holds back (those its state alone would allow), with GitHub's
 * reason: shown disabled, so the palette says why rather than leaving them out unexplained.
 */
export function heldCommands(codespace: PaletteCodespace): { types: CodespaceCommandType[]; reason: string } | null {
  const pending = pendingOperation(codespace);
  if (!pending) return null;
  const free = { ...codespace, pending_operation: false };
  const types = COMMAND_ORDER.filter((type) => !commandApplies(type, codespace) && commandApplies(type, free));
  return types.length ? { types, reason: pending.reason } : null;
}

export type PickCommandType = (typeof PICK_COMMANDS)[number];
export const PICK_COMMAND_LABELS: Record<PickCommandType, string> = {
  start: 'Start a codespace…',
  stop: 'Stop a codespace…',
  'open-browser': 'Open a codespace in the browser…',
  'open-vscode': 'Open a codespace in VS Code…',
  'copy-ssh': 'Copy the SSH command of a codespace…',
};

export interface NavigationCommand {
  id: string;
  label: string;
  /** More words it is found by. */
  keywords: string[];
  href: string;
}

export function navigationCommands(organizations: readonly PaletteOrganization[]): NavigationCommand[] {
  return [
    { id: 'new', label: 'New codespace', keywords: ['create'], href: '/codespaces/new' },
    { id: 'list', label: 'Go to your codespaces', keywords: ['home', 'list'], href: '/' },
    { id: 'usage', label: 'Go to usage', keywords: ['cost', 'billing', 'quota'], href: '/usage' },
    { id: 'secrets', label: 'Go to secrets', keywords: ['settings', 'environment'], href: '/secrets' },
    ...organizations.map((org) => ({
      id: `org:${org.login}`,
      label: `Go to ${org.login}`,
      keywords: ['organization', 'organisation', 'team'],
      href: `/orgs/${encodeURIComponent(org.login)}`,
    })),
  ];
}

/** The organisation whose pages are showing (`/orgs/<org>` and below), if any. */
export function orgFromPath(pathname: string | null): string | null {
  const match = /^\/orgs\/([^/?#]+)/.exec(pathname ?? '');
  return match ? decodeURIComponent(match[1]!) : null;
}

/** An organisation codespace is found in its view, filtered to it. */
export function orgCodespaceHref(org: string, codespace: Pick<PaletteCodespace, 'name'>): string {
  return `/orgs/${encodeURIComponent(org)}?q=${encodeURIComponent(codespace.name)}`;
}

/** GitHub's documented deep link into VS Code's Codespaces extension. */
export function vscodeUrl(name: string): string {
  return `vscode://github.codespaces/connect?name=${encodeURIComponent(name)}`;
}

export function sshCommand(name: string): string {
  return `gh codespace ssh -c ${name}`;
}

/** Only http(s) addresses from data are ever opened (never `javascript:` or the like). */
export function safeWebUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
