/**
 * What a month-to-date cost figure is and how it is explained, and the billing month: what the
 * lists need to show the figures month-cost.ts works out, apart from its rules, which `/` loads
 * after its first paint (lib/usage/use-month-costs.ts).
 */

/** Where a codespace's month-to-date cost comes from. */
export type CostBasis = 'report' | 'record';

export interface MonthCost {
  /** USD, this calendar month (UTC) so far. */
  compute: number;
  storage: number;
  total: number;
  /** Core-hours of compute behind `compute`. */
  coreHours: number;
  basis: CostBasis;
}

/** Why a figure is an estimate, in a sentence for a hover or help text. */
export const COST_BASIS_EXPLAINED: Record<CostBasis, string> = {
  report:
    'Estimated: GitHub’s billing usage report gives cost per repository and machine size, not per codespace, so each line is shared among that repository’s codespaces of that size used this month (by cores), and storage by disk size.',
  record:
    'Estimated from the codespace’s own record at GitHub’s published prices: storage since the month began (or it was created), and compute for its current run only, since GitHub records no earlier runs.',
};

/** The month (UTC) `now` falls in, as GitHub's billing report asks for it. */
export function billingMonthOf(now: number): { year: number; month: number } {
  const at = new Date(now);
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1 };
}
