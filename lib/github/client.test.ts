import { describe, expect, it } from 'vitest';
import { UpstreamTimeout, withDeadline } from './client.server';

describe('an upstream call with a deadline', () => {
  it('returns what a call that answers in time returns', async () => {
    await expect(withDeadline(1_000, async () => 'answer')).resolves.toBe('answer');
  });

  it('gives up at the deadline and aborts the call with a plain AbortError, which is never retried', async () => {
    let seen: AbortSignal | undefined;
    const started = Date.now();
    const hung = withDeadline(50, (signal) => {
      seen = signal;
      return new Promise(() => {});
    });
    await expect(hung).rejects.toBeInstanceOf(UpstreamTimeout);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(seen?.aborted).toBe(true);
    expect((seen?.reason as Error).name).toBe('AbortError');
  });

  it('passes a failure through untouched', async () => {
    await expect(withDeadline(1_000, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});
