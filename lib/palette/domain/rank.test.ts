import { describe, expect, it } from 'vitest';
import { rankItems, scoreItem, scoreText } from './rank';

const rank = (items: string[], query: string) => rankItems(items, query, (item) => [item]);

describe('palette ranking', () => {
  it('puts a prefix first, then a word start, then a substring, then letters in order', () => {
    const items = ['mona-checkout-old', 'Checkout page', 'Fix the checkout', 'recheckout', 'c-h-e-c-k-o-u-t'];
    expect(rank(items, 'checkout')).toEqual(['Checkout page', 'mona-checkout-old', 'Fix the checkout', 'recheckout', 'c-h-e-c-k-o-u-t']);
  });

  it('ranks an exact match above a longer one that starts the same', () => {
    expect(rank(['web-app', 'web', 'webhooks'], 'web')).toEqual(['web', 'web-app', 'webhooks']);
  });

  it('treats path and name separators, and a capital inside a word, as word starts', () => {
    expect(scoreText('app', 'octo-org/app')).toBeGreaterThan(scoreText('app', 'octo-org/happy'));
    expect(scoreText('view', 'usageView')).toBeGreaterThan(scoreText('view', 'overview'));
  });

  it('prefers a tighter subsequence', () => {
    expect(rank(['cxxkxxxxt', 'checkout', 'ckt-x'], 'ckt')).toEqual(['ckt-x', 'checkout', 'cxxkxxxxt']);
  });

  it('does not count letters scattered over a long text as a match', () => {
    expect(rank(['silver waffle umbrella', 'the web app'], 'web')).toEqual(['the web app']);
    expect(rank(['glowing pancake lamp', 'pancake glow'], 'gpl')).toEqual(['glowing pancake lamp']);
    expect(rank(['Usage view'], 'usvi')).toEqual(['Usage view']);
  });

  it('finds nothing when a letter is missing, ignoring case', () => {
    expect(rank(['Usage view'], 'usagex')).toEqual([]);
    expect(rank(['Usage view'], 'USAGE')).toEqual(['Usage view']);
  });

  it('needs every term of the query to match one of the texts, the label counting most', () => {
    const items = [
      { label: 'Payment retries', repo: 'octo-org/billing' },
      { label: 'billing export', repo: 'octo-org/web' },
      { label: 'Docs', repo: 'octo-org/docs' },
    ];
    const texts = (i: (typeof items)[number]) => [i.label, i.repo];
    expect(rankItems(items, 'billing', texts).map((i) => i.label)).toEqual(['billing export', 'Payment retries']);
    expect(rankItems(items, 'pay billing', texts).map((i) => i.label)).toEqual(['Payment retries']);
    expect(scoreItem('docs zzz', ['Docs'])).toBe(0);
  });

  it('keeps the given order for an empty query or ties, and caps the answer', () => {
    expect(rank(['b', 'a', 'c'], '  ')).toEqual(['b', 'a', 'c']);
    expect(rank(['web one', 'web two'], 'web')).toEqual(['web one', 'web two']);
    expect(rankItems(['a1', 'a2', 'a3'], 'a', (i) => [i], 2)).toEqual(['a1', 'a2']);
  });
});
