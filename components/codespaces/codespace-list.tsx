'use client';

import { useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import {
  SelectableHeaderRow,
  tableOnlyHeaderClass,
  TableOnlyHeaders,
  VirtualRowGroup,
  virtualTableProps,
} from '@/components/lists/virtual-table-parts';
import { CodespaceRow, listGrid, ROW_HEIGHTS } from './codespace-row';
import type { PowerProps } from './power-button';
import { COST_BASIS_EXPLAINED, type MonthCost } from '@/lib/usage/domain/month-cost-basis';

/**
 * Lists up to this long render every row: most fleets are a few dozen codespaces, and the
 * virtualiser (~10 KB gzipped) is then loaded by no one. Longer lists load it (an ordinary
 * `import()`, never in the page's first-load JS).
 */
export const PLAIN_ROWS = 100;

/**
 * The rows the server renders (and the browser hydrates) of any list, and a long list keeps until
 * its virtualiser is in: as many as the virtualiser's first window (a 900 px screen of 60 px rows,
 * and its overscan), so the page's HTML carries what a screen shows and, when the rest arrive (or
 * the virtualiser takes over), the same rows stay where they are.
 */
export const FIRST_WINDOW_ROWS = 20;

const noSubscription = () => () => {};
/** False on the server and while hydrating, true after: the rows beyond the first window wait for it. */
const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

type VirtualRowsModule = typeof import('./virtual-codespace-rows');
/** Once loaded, for every list after it (a client-side visit back to `/` starts virtualised). */
let virtualRowsModule: VirtualRowsModule | null = null;

/**
 * The virtualiser's module once a list needs it (null until it is in), with where the plain rows'
 * body started in the page when it arrived (the virtualiser's first offset). Loaded ahead when the
 * list may soon need it (`soon`: more pages on their way, or nearly `PLAIN_ROWS` rows), so that a
 * list growing past `PLAIN_ROWS` switches at once, the rows it showed staying in place.
 */
function useVirtualRows(wanted: boolean, soon: boolean, body: RefObject<HTMLDivElement | null>) {
  const [scrollMargin, setScrollMargin] = useState(0);
  const [, setArrived] = useState(false);
  useEffect(() => {
    if ((!wanted && !soon) || virtualRowsModule) return;
    let live = true;
    void import('./virtual-codespace-rows').then((module) => {
      virtualRowsModule = module;
      if (!live) return;
      if (body.current) setScrollMargin(Math.round(body.current.getBoundingClientRect().top + window.scrollY));
      setArrived(true);
    });
    return () => {
      live = false;
    };
  }, [wanted, soon, body]);
  return wanted && virtualRowsModule ? { module: virtualRowsModule, scrollMargin } : null;
}

/**
 * Every codespace given, as one table (a card per codespace on a phone). A list longer than
 * `PLAIN_ROWS` is virtualised, so thousands cost what a screenful does; the page scrolls as usual.
 * Rows are placed by CSS from their index either way (virtual-table-parts.tsx): the same DOM.
 */
export function CodespaceList({
  codespaces,
  total,
  busy = false,
  selected,
  cursor = null,
  showRepository = true,
  costs,
  costsPending = false,
  githubWebUrl = null,
  onToggle,
  onToggleAll,
  onPower,
  pendingNames,
}: PowerProps & {
  /** Each codespace's cost this month, by name (lib/usage/domain/month-cost.ts), and whether GitHub's report is on its way. */
  costs: ReadonlyMap<string, MonthCost>;
  costsPending?: boolean;
  /** GitHub's web host: rows link a codespace's pull request there. */
  githubWebUrl?: string | null;
  /** The row the keyboard is on (j/k): marked, and kept in view. */
  cursor?: string | null;
  codespaces: CodespaceSummary[];
  total: number;
  /** More pages are on their way. */
  busy?: boolean;
  selected: ReadonlySet<string>;
  /** False on a repository's page, where every codespace is in that repository. */
  showRepository?: boolean;
  onToggle: (name: string, range: boolean) => void;
  onToggleAll: () => void;
}) {
  const allSelected = codespaces.length > 0 && codespaces.every((c) => selected.has(c.name));
  const now = useMinuteClock();
  const long = codespaces.length > PLAIN_ROWS;
  const bodyRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualRows(long, busy || codespaces.length > PLAIN_ROWS * 0.8, bodyRef);
  const hydrated = useHydrated();
  const plainRows = long || !hydrated ? Math.min(FIRST_WINDOW_ROWS, codespaces.length) : codespaces.length;

  // Plain rows are all in the document: the keyboard's row is brought into view as it is.
  useEffect(() => {
    if (!cursor || virtual) return;
    const row = bodyRef.current?.querySelector(`[data-codespace="${CSS.escape(cursor)}"]`);
    // jsdom (the view tests) lays nothing out, and has no scrollIntoView.
    row?.scrollIntoView?.({ block: 'nearest' });
  }, [cursor, virtual]);

  const renderRow = (index: number) => {
    const codespace = codespaces[index]!;
    return (
      <CodespaceRow
        key={codespace.name}
        codespace={codespace}
        now={now}
        rowIndex={index + 2}
        position={index}
        selected={selected.has(codespace.name)}
        current={cursor === codespace.name}
        showRepository={showRepository}
        cost={costs.get(codespace.name)}
        costPending={costsPending}
        githubWebUrl={githubWebUrl}
        onToggle={onToggle}
        onPower={onPower}
        powerPending={pendingNames.has(codespace.name)}
      />
    );
  };

  const grid = listGrid({ repository: showRepository });
  return (
    <div
      // A row that leaves the list (filtered out) hands the keyboard's focus to the list itself.
      {...virtualTableProps({ label: 'Codespaces', rows: codespaces.length, busy, heights: ROW_HEIGHTS, focusKey: 'codespace-list' })}
      data-total={total}
    >
      <SelectableHeaderRow grid={grid} allSelected={allSelected} onToggleAll={onToggleAll}>
        <TableOnlyHeaders labels={['Codespace', showRepository ? 'Repository · branch' : 'Branch', 'State', 'Machine', 'Last used']} />
        <div role="columnheader" className={`${tableOnlyHeaderClass} text-right`}>
          <span title={`${COST_BASIS_EXPLAINED.record} Where GitHub’s billing usage report exists: ${COST_BASIS_EXPLAINED.report}`}>
            Cost this month <span className="font-normal normal-case">(est.)</span>
          </span>
        </div>
        <div role="columnheader" className="text-right">
          <span className="sr-only">Actions</span>
        </div>
      </SelectableHeaderRow>
      {virtual ? (
        <virtual.module.VirtualCodespaceRows
          codespaces={codespaces}
          cursor={cursor}
          scrollMargin={virtual.scrollMargin}
          renderRow={renderRow}
        />
      ) : (
        <VirtualRowGroup ref={bodyRef} rows={codespaces.length}>
          {Array.from({ length: plainRows }, (_, index) => renderRow(index))}
        </VirtualRowGroup>
      )}
    </div>
  );
}
