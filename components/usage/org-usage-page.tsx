'use client';

import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { readState } from '@/components/ui/loaded';
import { liveEstimate, monthDays, projectMonth } from '@/lib/usage/domain/cost';
import { estimateMemberCosts } from '@/lib/usage/domain/member-estimate';
import { attributeReport } from '@/lib/usage/domain/month-cost';
import { monthPeriod, projectionDays, recentMonths, repoSkuRows } from '@/lib/usage/domain/org-usage';
import { memberCostsFromCsv, type MemberCost } from '@/lib/usage/domain/usage-csv';
import { summarizeUsage } from '@/lib/usage/domain/usage-report';
import { getOrgBillingUsageQuery } from '@/lib/usage/queries';
import { listOrgCodespacesQuery } from '@/lib/codespaces/queries';
import { OrgUsageView } from './org-usage-view';

/** An organisation's usage page: reads GitHub's report (and last month's, for the projection) and its codespaces, for the view. */
export function OrgUsagePage({ org }: { org: string }) {
  const today = useMemo(() => new Date(), []);
  const months = useMemo(() => recentMonths(today), [today]);
  const [month, setMonth] = useState(months[0]!);
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const isCurrent = month === months[0];
  const usage = useQuery(getOrgBillingUsageQuery(org, year, monthNumber));
  // The projection averages the last seven days, which may reach into last month.
  const previousMonth = months[1]!.split('-').map(Number) as [number, number];
  const needsPrevious = isCurrent && monthDays(today).dayOfMonth < 7;
  const previous = useQuery({ ...getOrgBillingUsageQuery(org, previousMonth[0], previousMonth[1]), enabled: needsPrevious });
  // Until last month's days are in, the projection would be a figure about to change: it waits instead.
  const projectionPending = needsPrevious && previous.isPending;
  const codespaces = useQuery({ ...listOrgCodespacesQuery(org), select: (list) => list.items });
  const [exact, setExact] = useState<{ fileName: string; members: MemberCost[] } | null>(null);

  const period = monthPeriod(month, today);
  const summary = useMemo(() => (usage.data ? summarizeUsage(usage.data, period) : null), [usage.data, period.from, period.to]); // eslint-disable-line react-hooks/exhaustive-deps
  const projection = useMemo(
    () =>
      summary && isCurrent && !projectionPending ? projectMonth(projectionDays(summary, previous.data, months[1]!, today), today) : null,
    [summary, isCurrent, projectionPending, previous.data, months, today],
  );
  const estimate = useMemo(
    () => (summary && codespaces.data ? estimateMemberCosts(summary.items, codespaces.data, period.from) : null),
    [summary, codespaces.data, period.from],
  );
  // Each codespace's share, from the same attribution as the per-member estimate (which sums these).
  const byCodespace = useMemo(() => {
    if (!summary || !codespaces.data) return null;
    const { costs } = attributeReport(summary.items, codespaces.data, period.from);
    return codespaces.data.flatMap((codespace) => {
      const cost = costs.get(codespace.name);
      return cost ? [{ codespace, cost }] : [];
    });
  }, [summary, codespaces.data, period.from]);
  const live = useMemo(() => (codespaces.data ? liveEstimate(codespaces.data) : null), [codespaces.data]);
  const rows = useMemo(() => repoSkuRows(summary?.items ?? []), [summary]);

  return (
    <OrgUsageView
      org={org}
      months={months}
      month={month}
      period={period}
      {...readState(usage)}
      summary={summary}
      projection={projection}
      projectionPending={isCurrent && projectionPending}
      live={live}
      repositorySkuRows={rows}
      members={exact?.members ?? estimate?.members ?? null}
      estimate={estimate}
      byCodespace={byCodespace}
      exact={exact}
      codespacesError={codespaces.error}
      onMonthChange={setMonth}
      onCsvParsed={(parsed) => setExact({ fileName: parsed.fileName, members: memberCostsFromCsv(parsed.rows) })}
    />
  );
}
