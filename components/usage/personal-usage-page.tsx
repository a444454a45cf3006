'use client';

import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { SessionEnded } from '@/components/layout/session-ended';
import { endsSession } from '@/lib/transport/api-error';
import { codespacesMonthUsage, personalFigures, splitByPayer } from '@/lib/usage/domain/personal-usage';
import { PERSONAL_QUOTAS } from '@/lib/usage/domain/prices';
import { usePersonalPlan } from '@/lib/usage/personal-plan.client';
import { getMyBillingUsageSummaryQuery } from '@/lib/usage/queries';
import { listMyCodespacesQuery } from '@/lib/codespaces/queries';
import { useMyMonthCosts } from '@/lib/usage/use-month-costs';
import { billingMonthOf } from '@/lib/usage/domain/month-cost';
import { PersonalUsageView } from './personal-usage-view';

/**
 * The user's usage: reads their codespaces and GitHub's usage report for the month, splits the
 * codespaces by who pays for them, and measures what the user pays for against the chosen plan.
 */
export function PersonalUsagePage({ login }: { login: string }) {
  const query = useQuery(listMyCodespacesQuery());
  const [plan, choosePlan] = usePersonalPlan();
  const [typedCoreHours, setTypedCoreHours] = useState('');

  const today = useMemo(() => new Date(), []);
  const { year, month } = billingMonthOf(today.getTime());
  const summary = useQuery(getMyBillingUsageSummaryQuery(login, year, month));
  const fromGithub = useMemo(() => (summary.data ? codespacesMonthUsage(summary.data.usageItems) : null), [summary.data]);
  const split = useMemo(() => (query.data ? splitByPayer(query.data.items, login) : null), [query.data, login]);
  const figures = useMemo(
    () =>
      split
        ? personalFigures(split.own.codespaces, {
            quota: PERSONAL_QUOTAS[plan],
            today,
            fromGithub,
            typedCoreHours: Number(typedCoreHours) || 0,
          })
        : null,
    [split, plan, today, fromGithub, typedCoreHours],
  );

  const monthCosts = useMyMonthCosts(query.data?.items, login);

  if (endsSession(query.error)) return <SessionEnded />;

  return (
    <PersonalUsageView
      plan={plan}
      today={today}
      loading={query.isPending}
      error={query.error}
      report={{ pending: summary.isPending, error: summary.error, usage: fromGithub }}
      own={split?.own.codespaces ?? []}
      figures={figures}
      others={split?.others ?? []}
      monthCosts={{ costs: monthCosts.costs, pending: monthCosts.reportPending }}
      typedCoreHours={typedCoreHours}
      onPlanChange={choosePlan}
      onTypedCoreHoursChange={setTypedCoreHours}
    />
  );
}
