// Summaries of timings.

export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const median = (values) => percentile(values, 50);

/** A figure was measured (not NaN, not infinite): a target can be judged on it. */
export const okFigure = (value) => Number.isFinite(value);

/** Median and max of the measured ones, and how many never showed (null). */
export function summarise(values) {
  const measured = values.filter((v) => v !== null);
  return { median: median(measured), max: measured.length ? Math.max(...measured) : NaN, missed: values.length - measured.length };
}
