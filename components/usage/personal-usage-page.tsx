'use client';

import { useMemo, useState, useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import { SessionEnded } from '@/components/layout/session-ended';
import { ApiError } from '@/lib/transport/errors';
import { codespacesMonthUsage, personalFigures, splitByPayer } from '@/lib/usage/domain/personal-usage';
import { PERSONAL_QUOTAS, type PersonalPlan } from '@/lib/usage/domain/prices';
import { getMyBillingUsageSummaryQuery } from '@/lib/usage/queries';
import { listMyCodespacesQuery } from '@/lib/codespaces/queries';
import { useMyMonthCosts } from '@/lib/usage/use-month-costs';
import { PersonalUsageView } from './personal-usage-view';

const PLAN_KEY = 'hangar.personal-plan';

/** The chosen plan lives in this browser (a setting, not a secret), shared by every tab. */
function readPlan(): PersonalPlan {
  const stored = window.localStorage.getItem(PLAN_KEY);
  return stored === 'pro' ? 'pro' : 'free';
}
function subscribePlan(onChange: () => void) {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
}

/**
 * The user's usage: reads their codespaces and GitHub's usage report for the month, splits the
 * codespaces by who pays for them, and measures what the user pays for against the chosen plan.
 */
export function PersonalUsagePage({ login }: { login: string }) {
  const query = useQuery(listMyCodespacesQuery());
  const plan = useSyncExternalStore(subscribePlan, readPlan, () => 'free' as const);
  const [typedCoreHours, setTypedCoreHours] = useState('');
  const choosePlan = (next: PersonalPlan) => {
    window.localStorage.setItem(PLAN_KEY, next);
    window.dispatchEvent(new StorageEvent('storage', { key: PLAN_KEY }));
  };

  const today = useMemo(() => new Date(), []);
  const summary = useQuery(getMyBillingUsageSummaryQuery(login, today.getUTCFullYear(), today.getUTCMonth() + 1));
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

  if (query.error instanceof ApiError && query.error.status === 401) return <SessionEnded />;

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
