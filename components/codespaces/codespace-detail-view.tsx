import Link from 'next/link';
import { ArrowLeft, Cpu, ExternalLink, GitBranchPlus, GitPullRequest, Pencil, Trash2, Upload, type LucideIcon } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { ErrorAlert } from '@/components/ui/error-alert';
import { ApiError } from '@/lib/transport/api-error';
import type { MachineRequest } from '@/lib/codespaces/domain/machine-change';
import { actionAvailability, codespaceTitle, pendingOperation, type CodespaceAction } from '@/lib/codespaces/domain/state';
import type { Codespace } from '@/lib/codespaces/domain/types';
import { pullRequestNumber } from '@/lib/codespaces/domain/pull-request';
import { asSentence } from '@/lib/format';
import { ActionButton } from './action-button';
import { DetailsCard, GitStatusCard, MachineCard, StopNotice, type DetailCost } from './codespace-detail';
import { ConnectPanel } from './connect-panel';
import { PowerButton, type PowerProps } from './power-button';
import { StateBadge } from './state-badge';
import { focusSlot } from '@/components/layout/focus-places';
import { Page } from '@/components/layout/page';

/** "From pull request #N", linked to it on GitHub, for a codespace made from one. */
function FromPullRequest({ codespace }: { codespace: Codespace }) {
  const number = pullRequestNumber(codespace);
  if (number === null) return null;
  return (
    <a
      href={`${codespace.repository.html_url}/pull/${number}`}
      target="_blank"
      rel="noreferrer"
      className="mt-1 inline-flex items-center gap-1 text-sm text-sky-700 hover:underline dark:text-sky-400"
    >
      <GitPullRequest aria-hidden className="size-3.5" />
      From pull request #{number}
      <ExternalLink aria-hidden className="size-3" />
    </a>
  );
}

export type DetailDialog = 'rename' | 'machine' | 'export' | 'publish' | 'delete';

/** The actions that open a dialog, in the header's order (Publish only for a codespace made from a template). */
const DIALOG_ACTIONS: { dialog: DetailDialog; label: string; action: CodespaceAction; Icon: LucideIcon; className?: string }[] = [
  { dialog: 'rename', label: 'Rename', action: 'rename', Icon: Pencil },
  { dialog: 'machine', label: 'Change machine', action: 'changeMachine', Icon: Cpu },
  { dialog: 'export', label: 'Export', action: 'export', Icon: GitBranchPlus },
  { dialog: 'publish', label: 'Publish', action: 'publish', Icon: Upload },
  { dialog: 'delete', label: 'Delete', action: 'delete', Icon: Trash2, className: 'text-red-700 dark:text-red-400' },
];

export interface CodespaceDetailViewProps extends PowerProps {
  name: string;
  codespace: Codespace | undefined;
  loading: boolean;
  error: Error | null;
  /** When the page opened: relative times are measured from it. */
  now: number;
  /** A machine change Hangar asked for that waits for the next start (lib/codespaces/machine-change.ts). */
  pendingMachine?: MachineRequest | null;
  /** Its cost this month (lib/usage/domain/month-cost.ts). */
  cost?: DetailCost;
  onOpenDialog: (dialog: DetailDialog) => void;
  onRetry: () => void;
}

/** One codespace: its state and every action the state allows, git status, machine and details. */
export function CodespaceDetailView({
  name,
  codespace,
  loading,
  error,
  now,
  pendingMachine = null,
  cost = { cost: undefined, pending: false },
  onOpenDialog,
  onRetry,
  onPower,
  pendingNames,
}: CodespaceDetailViewProps) {
  const notFound = error instanceof ApiError && error.status === 404;
  const pending = codespace ? pendingOperation(codespace) : null;
  return (
    <Page>
      <Link href="/" className="inline-flex w-fit items-center gap-1 text-sm text-zinc-600 hover:underline dark:text-zinc-400">
        <ArrowLeft aria-hidden className="size-4" /> All codespaces
      </Link>

      {!codespace ? (
        loading ? (
          <div aria-busy="true" aria-label="Loading codespace" className="h-40 animate-pulse rounded-xl bg-zinc-200 dark:bg-zinc-800" />
        ) : notFound ? (
          <Alert title="This codespace does not exist">No codespace named {name} belongs to you. It may have been deleted.</Alert>
        ) : (
          <ErrorAlert error={error} fallbackTitle="Could not load this codespace" onRetry={onRetry} />
        )
      ) : (
        <>
          {error && (
            <ErrorAlert error={error} tone="warning">
              Showing what was last loaded.
            </ErrorAlert>
          )}
          {/* Title and actions side by side from `lg` up, the actions pinned right whatever the name's
              length (a long name is cut, whole on hover); below it the actions go under the name, two to a
              line on a phone. */}
          <header className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_auto]">
            <div className="min-w-0">
              <div className="flex min-w-0 items-center gap-3 max-lg:flex-wrap">
                <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-words lg:truncate" title={codespaceTitle(codespace)}>
                  {codespaceTitle(codespace)}
                </h1>
                <StateBadge state={codespace.state} />
              </div>
              <p className="mt-1 truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">{codespace.name}</p>
              <FromPullRequest codespace={codespace} />
            </div>
            <div className="flex flex-wrap items-center gap-2 max-sm:grid max-sm:grid-cols-2 lg:max-w-3xl lg:justify-end max-sm:[&_button]:w-full max-sm:[&>span]:w-full">
              <span className="inline-flex" {...focusSlot(`power:${codespace.name}`)}>
                <PowerButton codespace={codespace} onPower={onPower} pending={pendingNames.has(codespace.name)} size="md" />
              </span>
              {DIALOG_ACTIONS.filter(({ dialog }) => dialog !== 'publish' || codespace.publish_url).map(
                ({ dialog, label, action, Icon, className }) => (
                  <ActionButton
                    key={dialog}
                    label={label}
                    availability={actionAvailability(codespace, action)}
                    onClick={() => onOpenDialog(dialog)}
                    className={className}
                  >
                    <Icon aria-hidden className="size-4" /> {label}
                  </ActionButton>
                ),
              )}
            </div>
          </header>
          {pending && (
            <Alert title="GitHub is busy with this codespace: until it has finished, only Delete is possible" tone="warning">
              GitHub says: {asSentence(pending.reason)}
            </Alert>
          )}
          {codespace.last_known_stop_notice && <StopNotice notice={codespace.last_known_stop_notice} />}
          <ConnectPanel codespace={codespace} />

          <div className="grid gap-5 md:grid-cols-2">
            <GitStatusCard codespace={codespace} />
            <MachineCard codespace={codespace} pendingMachine={pendingMachine} cost={cost} />
          </div>
          <DetailsCard codespace={codespace} now={now} />
        </>
      )}
    </Page>
  );
}
