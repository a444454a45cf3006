import { Icon } from '@/components/ui/icon';
import { pendingOperation } from '@/lib/codespaces/domain/state';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { COST_BASIS_EXPLAINED, type MonthCost } from '@/lib/usage/domain/month-cost-basis';
import { formatUsd } from '@/lib/format';
import { WorkFlags } from './work-flags';

/** A row's selection checkbox: a click toggles it, a shift-click selects the range from the last one. */
export function SelectCell({
  name,
  title,
  selected,
  onToggle,
  className = '',
}: {
  name: string;
  title: string;
  selected: boolean;
  onToggle: (name: string, range: boolean) => void;
  /** Where the cell sits on a card. */
  className?: string;
}) {
  return (
    <div role="cell" className={className}>
      <input
        type="checkbox"
        aria-label={`Select ${title}`}
        checked={selected}
        onChange={() => undefined}
        onClick={(e) => onToggle(name, e.shiftKey)}
        className="size-4 accent-sky-700 max-sm:size-5"
      />
    </div>
  );
}

/**
 * Under a codespace's title: its name when the title is a display name, its unsaved-work flags, and
 * whether GitHub has an operation pending on it (with GitHub's reason on hover and for screen readers).
 */
export function NameAndFlags({
  codespace,
  title,
}: {
  codespace: Pick<CodespaceSummary, 'name' | 'git_status' | 'pending_operation' | 'pending_operation_disabled_reason'>;
  title: string;
}) {
  const pending = pendingOperation(codespace);
  return (
    <div className="flex min-w-0 items-center gap-2">
      {title !== codespace.name && (
        <span className="min-w-0 truncate font-mono text-[11px] text-zinc-500 dark:text-zinc-400">{codespace.name}</span>
      )}
      {pending && (
        <span
          title={pending.reason}
          className="inline-flex shrink-0 items-center gap-0.5 rounded bg-sky-100 px-1.5 py-0.5 text-[11px] font-medium text-sky-800 dark:bg-sky-500/15 dark:text-sky-300"
        >
          <Icon name="hourglass" className="size-3" />
          Busy on GitHub<span className="sr-only">: {pending.reason}</span>
        </span>
      )}
      <WorkFlags codespace={codespace} wrap={false} />
    </div>
  );
}

/**
 * A codespace's cost this month: an estimate, said so (why, on hover and to screen readers). While
 * GitHub's report is on its way a placeholder stands in: no number that is about to change.
 */
export function CostCell({ cost, pending, className = '' }: { cost: MonthCost | undefined; pending: boolean; className?: string }) {
  return (
    <div role="cell" className={`text-right text-xs whitespace-nowrap tabular-nums text-zinc-700 dark:text-zinc-300 ${className}`}>
      {pending ? (
        <span className="inline-block h-3 w-10 animate-pulse rounded bg-zinc-200 align-middle motion-reduce:animate-none dark:bg-zinc-800">
          <span className="sr-only">Cost this month: asking GitHub</span>
        </span>
      ) : cost ? (
        <span title={COST_BASIS_EXPLAINED[cost.basis]} data-cost={cost.total.toFixed(2)}>
          {formatUsd(cost.total)}
          <span className="sr-only"> this month, estimated</span>
        </span>
      ) : (
        <span aria-hidden>—</span>
      )}
    </div>
  );
}

/** "PR #N" beside a codespace's branch when it was made from a pull request, linked to it on GitHub. */
export function PullRequestLink({ number, href }: { number: number; href: string | null }) {
  const content = (
    <>
      <Icon name="git-pull-request" className="size-3 shrink-0" />
      <span className="sr-only">From pull request </span>
      <span aria-hidden>PR </span>#{number}
    </>
  );
  const className = 'inline-flex shrink-0 items-center gap-0.5';
  return href ? (
    <a
      href={href}
      target="_blank"
      rel="noreferrer"
      title={`From pull request #${number}, on GitHub`}
      className={`${className} text-sky-700 hover:underline dark:text-sky-400`}
    >
      {content}
    </a>
  ) : (
    <span title={`From pull request #${number}`} className={className}>
      {content}
    </span>
  );
}
