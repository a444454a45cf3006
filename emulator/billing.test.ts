/**
 * A person's billing usage on GitHub's current billing platform: items derived from the codespaces
 * billed to them, a summary that adds up to the same figures, and 404 for someone not on it.
 */
import { describe, expect, it } from 'vitest';
import { caseOf, setup, type BasicError } from './test-helpers';

type Item = {
  date: string;
  product: string;
  sku: string;
  quantity: number;
  netAmount: number;
  repositoryName?: string;
  organizationName?: string;
};
type Summary = {
  timePeriod: { year: number; month?: number };
  user: string;
  product?: string;
  usageItems: { product: string; sku: string; grossQuantity: number; netQuantity: number; netAmount: number }[];
};

describe('a person’s billing usage', () => {
  const h = setup();
  const now = new Date(h.clock.now);
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;

  it('reports mona’s own codespaces (not her organisations’), with no organisation named', async () => {
    const { status, body } = await h.api<{ usageItems: Item[] }>(`/users/mona/settings/billing/usage?year=${year}`);
    expect(status).toBe(200);
    const codespaces = body.usageItems.filter((i) => i.product === 'Codespaces');
    expect(codespaces.length).toBeGreaterThan(20);
    const repositories = new Set(codespaces.map((i) => i.repositoryName));
    expect([...repositories].every((name) => name?.startsWith('mona/') || name === 'github/codespaces-react')).toBe(true);
    expect(body.usageItems.some((i) => 'organizationName' in i)).toBe(false);
  });

  it('sums the month in its summary: the same quantities and amounts, per product and SKU', async () => {
    const items = (await h.api<{ usageItems: Item[] }>(`/users/mona/settings/billing/usage?year=${year}&month=${month}`)).body.usageItems;
    const summary = await h.api<Summary>('/users/mona/settings/billing/usage/summary?product=codespaces');
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ timePeriod: { year, month }, user: 'mona', product: 'codespaces' });
    const storage = summary.body.usageItems.find((i) => i.sku === 'Codespaces Storage');
    const storageItems = items.filter((i) => i.sku === 'Codespaces Storage');
    expect(storage?.netQuantity).toBe(storageItems.reduce((sum, i) => sum + i.quantity, 0));
    expect(storage?.netAmount).toBeCloseTo(
      storageItems.reduce((sum, i) => sum + i.netAmount, 0),
      2,
    );
    expect(summary.body.usageItems.every((i) => i.product === 'Codespaces')).toBe(true);
  });

  it('answers 404 for someone not on the current billing platform, and 403 for someone else’s account', async () => {
    caseOf('billing.usage');
    expect((await h.api('/users/hubot/settings/billing/usage', { as: 'hubot' })).status).toBe(404);
    expect((await h.api('/users/hubot/settings/billing/usage/summary', { as: 'hubot' })).status).toBe(404);
    const other = await h.api<BasicError>('/users/hubot/settings/billing/usage');
    expect(other.status).toBe(403);
    expect((await h.api('/users/mona/settings/billing/usage?month=13')).status).toBe(400);
  });
});
