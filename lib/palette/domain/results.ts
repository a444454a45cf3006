import {
  CODESPACE_COMMAND_LABELS,
  codespaceCommands,
  commandApplies,
  navigationCommands,
  PICK_COMMAND_LABELS,
  PICK_COMMANDS,
  type CodespaceCommandType,
  type NavigationCommand,
  type PaletteCodespace,
  type PaletteOrganization,
  type PaletteOrgCodespace,
  type PickCommandType,
} from './commands';
import { rankItems } from './rank';

/** How many matches a group shows: enough to choose from, few enough to render at once. */
const GROUP_LIMIT = 8;

/** Where in the palette the user is: the first step, one codespace's actions, or "which codespace?" for a command. */
export type PalettePage =
  { kind: 'root' } | { kind: 'codespace'; codespace: PaletteCodespace } | { kind: 'pick'; command: PickCommandType };

export interface PaletteResults {
  codespaces: PaletteCodespace[];
  orgCodespaces: PaletteOrgCodespace[];
  actions: CodespaceCommandType[];
  picks: PickCommandType[];
  navigation: NavigationCommand[];
}

const codespaceTexts = (c: PaletteCodespace) => [c.title, c.name, c.repository];

/** What the palette lists for a search on one of its steps, each group ranked best first. */
export function paletteResults(
  page: PalettePage,
  search: string,
  data: {
    codespaces: readonly PaletteCodespace[];
    organizations: readonly PaletteOrganization[];
    org?: { login: string; codespaces: readonly PaletteOrgCodespace[] } | null;
  },
): PaletteResults {
  const none: PaletteResults = { codespaces: [], orgCodespaces: [], actions: [], picks: [], navigation: [] };
  if (page.kind === 'pick') {
    const eligible = data.codespaces.filter((c) => commandApplies(page.command, c));
    return { ...none, codespaces: rankItems(eligible, search, codespaceTexts, 50) };
  }
  if (page.kind === 'codespace') {
    return { ...none, actions: rankItems(codespaceCommands(page.codespace), search, (type) => [CODESPACE_COMMAND_LABELS[type]]) };
  }
  return {
    ...none,
    codespaces: rankItems(data.codespaces, search, codespaceTexts, GROUP_LIMIT),
    orgCodespaces: data.org ? rankItems(data.org.codespaces, search, (c) => [...codespaceTexts(c), c.owner], GROUP_LIMIT) : [],
    picks: rankItems(PICK_COMMANDS, search, (type) => [PICK_COMMAND_LABELS[type]]),
    navigation: rankItems(navigationCommands(data.organizations), search, (c) => [c.label, ...c.keywords]),
  };
}
