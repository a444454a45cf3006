import { describe, expect, it } from 'vitest';
import { Memo } from './memo.server';

describe('a value remembered for a while', () => {
  it('is computed once for everyone who asks within the window, at the same moment or later, and again after it', async () => {
    let now = 0;
    let calls = 0;
    const memo = new Memo(
      async () => {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        return calls;
      },
      30_000,
      () => now,
    );
    expect(await Promise.all(Array.from({ length: 20 }, () => memo.get()))).toEqual(Array(20).fill(1));
    now = 29_999;
    expect(await memo.get()).toBe(1);
    expect(calls).toBe(1);
    now = 30_010;
    expect(await memo.get()).toBe(2);
    expect(calls).toBe(2);
  });

  it('is asked again at once after a computation that failed', async () => {
    let fail = true;
    const memo = new Memo(async () => {
      if (fail) throw new Error('down');
      return 'up';
    }, 30_000);
    await expect(memo.get()).rejects.toThrow('down');
    fail = false;
    expect(await memo.get()).toBe('up');
  });
});
