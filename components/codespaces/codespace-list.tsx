'use client';

import { useEffect } from 'react';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import { useWindowRows } from '@/lib/hooks/use-window-rows';
import {
  SelectableHeaderRow,
  tableOnlyHeaderClass,
  TableOnlyHeaders,
  VirtualRowGroup,
  virtualTableProps,
} from '@/components/lists/virtual-table-parts';
import { CodespaceRow, listGrid, ROW_HEIGHTS } from './codespace-row';
import type { PowerProps } from './power-button';
import { COST_BASIS_EXPLAINED, type MonthCost } from '@/lib/usage/domain/month-cost';

/**
 * Every codespace given, as one table (a card per codespace on a phone). Rows are virtualised,
 * so thousands cost what a screenful does; the page scrolls as usual.
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
  const { bodyRef, virtualizer } = useWindowRows({
    count: codespaces.length,
    heights: ROW_HEIGHTS,
    getItemKey: (index) => codespaces[index]!.name,
    initialHeight: 900,
  });

  useEffect(() => {
    if (!cursor) return;
    const index = codespaces.findIndex((c) => c.name === cursor);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [cursor, codespaces, virtualizer]);

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
      <VirtualRowGroup ref={bodyRef} rows={codespaces.length}>
        {virtualizer.getVirtualItems().map((item) => (
          <CodespaceRow
            key={item.key}
            codespace={codespaces[item.index]!}
            now={now}
            rowIndex={item.index + 2}
            position={item.index}
            selected={selected.has(codespaces[item.index]!.name)}
            current={cursor === codespaces[item.index]!.name}
            showRepository={showRepository}
            cost={costs.get(codespaces[item.index]!.name)}
            costPending={costsPending}
            githubWebUrl={githubWebUrl}
            onToggle={onToggle}
            onPower={onPower}
            powerPending={pendingNames.has(codespaces[item.index]!.name)}
          />
        ))}
      </VirtualRowGroup>
    </div>
  );
}
