import { useMemo, useState, type ReactNode } from 'react';
import * as RadixDialog from '@radix-ui/react-dialog';
import { Command } from 'cmdk';
import {
  ArrowLeft,
  Ban,
  Building2,
  ChevronRight,
  Code2,
  Copy,
  CornerDownLeft,
  Monitor,
  Play,
  Plus,
  Search,
  Square,
  type LucideIcon,
} from 'lucide-react';
import { StateBadge } from '@/components/codespaces/state-badge';
import {
  CODESPACE_COMMAND_LABELS,
  heldCommands,
  orgCodespaceHref,
  PICK_COMMAND_LABELS,
  type CodespaceCommandType,
  type PaletteCodespace,
  type PaletteCommand,
  type PaletteOrganization,
  type PaletteOrgCodespace,
} from '@/lib/palette/domain/commands';
import { paletteResults, type PalettePage as Page } from '@/lib/palette/domain/results';

export interface CommandPaletteProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  codespaces: readonly PaletteCodespace[];
  organizations: readonly PaletteOrganization[];
  /** On an organisation's pages: its codespaces, found too. */
  org?: { login: string; codespaces: readonly PaletteOrgCodespace[] } | null;
  /** Runs what was chosen; the palette closes first. */
  onRun: (command: PaletteCommand) => void;
}

const ICONS: Record<CodespaceCommandType, typeof Play> = {
  open: CornerDownLeft,
  start: Play,
  stop: Square,
  'open-browser': Monitor,
  'open-vscode': Code2,
  'copy-ssh': Copy,
};

const itemClass =
  'flex cursor-pointer items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm text-zinc-800 data-[selected=true]:bg-zinc-100 dark:text-zinc-200 dark:data-[selected=true]:bg-zinc-800';
const groupClass =
  '[&_[cmdk-group-heading]]:px-2.5 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-zinc-500 dark:[&_[cmdk-group-heading]]:text-zinc-400';

function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1 font-sans text-[11px] text-zinc-600 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
      {children}
    </kbd>
  );
}

/** A command with its icon. */
function IconItem({ value, Icon, onSelect, children }: { value: string; Icon: LucideIcon; onSelect: () => void; children: ReactNode }) {
  return (
    <Command.Item value={value} onSelect={onSelect} className={itemClass}>
      <Icon aria-hidden className="size-4 text-zinc-500 dark:text-zinc-400" />
      {children}
    </Command.Item>
  );
}

function CodespaceItem({
  codespace,
  value,
  onSelect,
  hint,
}: {
  codespace: PaletteCodespace;
  value: string;
  onSelect: () => void;
  hint?: string;
}) {
  return (
    <Command.Item value={value} onSelect={onSelect} className={itemClass}>
      <span className="min-w-0 flex-1 truncate">
        <span className="font-medium">{codespace.title}</span>
        <span className="text-zinc-600 dark:text-zinc-400"> · {hint ?? codespace.repository}</span>
      </span>
      <StateBadge state={codespace.state} />
    </Command.Item>
  );
}

/**
 * The command palette, props only: fuzzy search over codespaces (and the organisation's, on its
 * pages) and commands. Enter opens a codespace; → (or Actions) lists what else it can do;
 * commands like "Stop a codespace…" ask which. Escape or Backspace in an empty field goes back.
 */
export function CommandPalette({ open, onOpenChange, codespaces, organizations, org, onRun }: CommandPaletteProps) {
  const [page, setPage] = useState<Page>({ kind: 'root' });
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState('');

  const goTo = (next: Page) => {
    setPage(next);
    setSearch('');
    setSelected('');
  };
  const run = (command: PaletteCommand) => {
    onOpenChange(false);
    onRun(command);
  };

  const ranked = useMemo(
    () => paletteResults(page, search, { codespaces, organizations, org }),
    [page, search, codespaces, organizations, org],
  );

  // What a pending operation holds back, shown disabled with GitHub's reason (when nothing is searched for).
  const held = page.kind === 'codespace' && !search ? heldCommands(page.codespace) : null;

  const selectedCodespace = (): PaletteCodespace | undefined =>
    page.kind === 'root' && selected.startsWith('codespace:') ? codespaces.find((c) => `codespace:${c.name}` === selected) : undefined;

  const placeholder =
    page.kind === 'codespace'
      ? `What to do with ${page.codespace.title}…`
      : page.kind === 'pick'
        ? `${PICK_COMMAND_LABELS[page.command].replace('…', '')}: which one?`
        : 'Search codespaces and commands…';

  const nothing =
    ranked.codespaces.length + ranked.orgCodespaces.length + ranked.actions.length + ranked.picks.length + ranked.navigation.length === 0;

  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40" />
        <RadixDialog.Content
          aria-describedby={undefined}
          onEscapeKeyDown={(event) => {
            // Escape on an inner page goes back a step; on the first it closes.
            if (page.kind !== 'root') {
              event.preventDefault();
              goTo({ kind: 'root' });
            }
          }}
          className="fixed top-[12vh] left-1/2 z-50 w-[min(40rem,calc(100vw-2rem))] -translate-x-1/2 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-2xl dark:border-zinc-800 dark:bg-zinc-900"
        >
          <RadixDialog.Title className="sr-only">Search or run a command</RadixDialog.Title>
          <Command
            label="Search or run a command"
            shouldFilter={false}
            loop
            // Ctrl+K closes the palette (see palette-trigger.tsx), so no Ctrl+J/K/N/P here.
            vimBindings={false}
            value={selected}
            onValueChange={setSelected}
            onKeyDown={(event) => {
              if (event.key === 'Backspace' && search === '' && page.kind !== 'root') {
                event.preventDefault();
                goTo({ kind: 'root' });
              }
              const codespace = selectedCodespace();
              if (
                event.key === 'ArrowRight' &&
                codespace &&
                (event.currentTarget.querySelector('input')?.selectionStart ?? 0) >= search.length
              ) {
                event.preventDefault();
                goTo({ kind: 'codespace', codespace });
              }
            }}
          >
            <div className="flex items-center gap-2 border-b border-zinc-200 px-3 dark:border-zinc-800">
              {page.kind === 'root' ? (
                <Search aria-hidden className="size-4 shrink-0 text-zinc-400" />
              ) : (
                <button
                  type="button"
                  onClick={() => goTo({ kind: 'root' })}
                  aria-label="Back"
                  className="rounded p-0.5 text-zinc-500 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
                >
                  <ArrowLeft aria-hidden className="size-4" />
                </button>
              )}
              <Command.Input
                value={search}
                onValueChange={setSearch}
                placeholder={placeholder}
                className="h-12 w-full bg-transparent text-sm text-zinc-900 outline-none placeholder:text-zinc-500 dark:text-zinc-100 dark:placeholder:text-zinc-400"
              />
            </div>
            <Command.List label="Results" className="max-h-[min(26rem,60vh)] overflow-y-auto p-1.5">
              {nothing && (
                <Command.Empty className="px-2.5 py-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
                  {page.kind === 'pick' && !search ? 'No codespace this applies to.' : `Nothing matches “${search}”.`}
                </Command.Empty>
              )}

              {ranked.codespaces.length > 0 && (
                <Command.Group heading={page.kind === 'pick' ? 'Codespaces' : 'Your codespaces'} className={groupClass}>
                  {ranked.codespaces.map((codespace) => (
                    <CodespaceItem
                      key={codespace.name}
                      value={`codespace:${codespace.name}`}
                      codespace={codespace}
                      onSelect={() => run({ type: page.kind === 'pick' ? page.command : 'open', codespace })}
                    />
                  ))}
                </Command.Group>
              )}

              {org && ranked.orgCodespaces.length > 0 && (
                <Command.Group heading={`${org.login} codespaces`} className={groupClass}>
                  {ranked.orgCodespaces.map((codespace) => (
                    <CodespaceItem
                      key={codespace.name}
                      value={`org-codespace:${codespace.name}`}
                      codespace={codespace}
                      hint={`${codespace.owner} · ${codespace.repository}`}
                      onSelect={() => run({ type: 'navigate', href: orgCodespaceHref(org.login, codespace) })}
                    />
                  ))}
                </Command.Group>
              )}

              {page.kind === 'codespace' && ranked.actions.length > 0 && (
                <Command.Group heading={page.codespace.title} className={groupClass}>
                  {ranked.actions.map((type) => (
                    <IconItem
                      key={type}
                      value={`action:${type}`}
                      Icon={ICONS[type]}
                      onSelect={() => run({ type, codespace: page.codespace })}
                    >
                      {CODESPACE_COMMAND_LABELS[type]}
                    </IconItem>
                  ))}
                  {held && (
                    // What GitHub's pending operation holds back: one disabled line, with GitHub's reason once.
                    <Command.Item value="held" disabled className={`${itemClass} items-start opacity-70`}>
                      <Ban aria-hidden className="mt-0.5 size-4 shrink-0 text-zinc-500 dark:text-zinc-400" />
                      <span className="min-w-0 flex-1">
                        {held.types.map((type) => CODESPACE_COMMAND_LABELS[type]).join(', ')}: unavailable.{' '}
                        <span className="text-zinc-600 dark:text-zinc-400">{held.reason}</span>
                      </span>
                    </Command.Item>
                  )}
                </Command.Group>
              )}

              {(ranked.picks.length > 0 || ranked.navigation.length > 0) && (
                <Command.Group heading="Commands" className={groupClass}>
                  {ranked.navigation.map((command) => (
                    <IconItem
                      key={command.id}
                      value={`go:${command.id}`}
                      Icon={command.id === 'new' ? Plus : command.id.startsWith('org:') ? Building2 : ChevronRight}
                      onSelect={() => run({ type: 'navigate', href: command.href })}
                    >
                      {command.label}
                    </IconItem>
                  ))}
                  {ranked.picks.map((type) => (
                    <IconItem key={type} value={`pick:${type}`} Icon={ICONS[type]} onSelect={() => goTo({ kind: 'pick', command: type })}>
                      {PICK_COMMAND_LABELS[type]}
                    </IconItem>
                  ))}
                </Command.Group>
              )}
            </Command.List>
            <KeyHints page={page.kind} />
          </Command>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** The keys the palette answers to, on this step of it. */
function KeyHints({ page }: { page: Page['kind'] }) {
  return (
    <div
      aria-hidden
      className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-zinc-200 px-3 py-2 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400"
    >
      <span>
        <Kbd>↑</Kbd> <Kbd>↓</Kbd> move
      </span>
      <span>
        <Kbd>Enter</Kbd> {page === 'root' ? 'open' : 'run'}
      </span>
      {page === 'root' && (
        <span>
          <Kbd>→</Kbd> more for a codespace
        </span>
      )}
      <span>
        <Kbd>Esc</Kbd> {page === 'root' ? 'close' : 'back'}
      </span>
    </div>
  );
}
