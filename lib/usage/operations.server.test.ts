import { describe, expect, it } from 'vitest';
import { userBillingSummaryQuery } from './operations.server';

describe('path parameters and queries', () => {
  it('takes the usage summary’s filters', () => {
    expect(userBillingSummaryQuery.parse({ year: '2026', month: '11', repository: 'mona/blog', product: 'Codespaces' })).toEqual({
      year: 2026,
      month: 11,
      repository: 'mona/blog',
      product: 'Codespaces',
    });
    expect(userBillingSummaryQuery.safeParse({ month: '13' }).success).toBe(false);
    expect(userBillingSummaryQuery.safeParse({ repository: 'blog' }).success).toBe(false);
    expect(userBillingSummaryQuery.safeParse({ hour: '3' }).success).toBe(false);
  });
});
