/**
 * Policies run on their own every interval, once per interval: alone, on a timer in the process;
 * with several instances, through BullMQ on the Redis they share (a real redis-server here, two
 * schedulers on their own connections standing for two instances).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRedisServer, type RedisServer } from '@/lib/test/redis-server';
import { inProcessScheduler, redisScheduler, type PolicyScheduler } from './policy-scheduler.server';

describe('alone, in this process', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at every multiple of the interval, with nobody asking', async () => {
    vi.useFakeTimers({ now: 10_500 });
    const runs: number[] = [];
    const scheduler = inProcessScheduler({ intervalMs: 1_000, run: async (now) => void runs.push(now.getTime()) });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(runs).toEqual([11_000, 12_000, 13_000]);
    await scheduler.close();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toHaveLength(3);
  });

  it('reports a failed run and runs again at the next interval, not before', async () => {
    vi.useFakeTimers({ now: 0 });
    const failures: unknown[] = [];
    let calls = 0;
    const scheduler = inProcessScheduler({
      intervalMs: 1_000,
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Error('GitHub is down');
      },
      onFailure: (error) => failures.push(error),
    });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(1);
    expect(failures).toEqual([new Error('GitHub is down')]);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
    expect(failures).toHaveLength(1);
    await scheduler.close();
  });

  it('never runs twice at once: an interval whose run is still going is skipped; closing waits for it', async () => {
    vi.useFakeTimers({ now: 0 });
    let active = 0;
    let most = 0;
    let finished = 0;
    const scheduler = inProcessScheduler({
      intervalMs: 1_000,
      run: async () => {
        most = Math.max(most, ++active);
        await new Promise((resolve) => setTimeout(resolve, 2_500));
        active -= 1;
        finished += 1;
      },
    });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(4_000);
    expect(most).toBe(1);
    const closing = scheduler.close();
    await vi.advanceTimersByTimeAsync(3_000);
    await closing;
    expect(active).toBe(0);
    expect(finished).toBe(2);
  });
});

describe('several instances sharing a redis-server', () => {
  let redis: RedisServer;
  const schedulers: PolicyScheduler[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
  });

  afterEach(async () => {
    await Promise.all(schedulers.splice(0).map((s) => s.close()));
  });

  afterAll(async () => {
    await redis?.stop();
  });

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('run once per interval between them', { timeout: 30_000 }, async () => {
    const runs: { instance: string; at: number }[] = [];
    const instance = (name: string) =>
      redisScheduler({
        intervalMs: 1_000,
        redisUrl: redis.url,
        queueName: 'once-per-interval',
        run: async (now) => void runs.push({ instance: name, at: now.getTime() }),
      });
    const [a, b] = [instance('a'), instance('b')];
    schedulers.push(a, b);
    await a.start();
    await sleep(300);
    await b.start();
    await sleep(4_200);

    // About four intervals passed: four runs or five (the schedule's first comes at once), never two in one interval.
    expect(runs.length).toBeGreaterThanOrEqual(4);
    expect(runs.length).toBeLessThanOrEqual(5);
    const gaps = runs.slice(1).map((run, i) => run.at - runs[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThan(600);
  });

  it('report a failed run and run again at the next interval, without retrying it', { timeout: 30_000 }, async () => {
    const failures: unknown[] = [];
    const calls: number[] = [];
    const scheduler = redisScheduler({
      intervalMs: 1_000,
      redisUrl: redis.url,
      queueName: 'failing-run',
      run: async (now) => {
        calls.push(now.getTime());
        if (calls.length === 1) throw new Error('the database is down');
      },
      onFailure: (error) => failures.push(error),
    });
    schedulers.push(scheduler);
    await scheduler.start();
    await sleep(2_600);
    expect(failures).toEqual([new Error('the database is down')]);
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls[1]! - calls[0]!).toBeGreaterThan(600);
  });

  it('stop when closed', { timeout: 30_000 }, async () => {
    let calls = 0;
    const scheduler = redisScheduler({ intervalMs: 500, redisUrl: redis.url, queueName: 'closing', run: async () => void (calls += 1) });
    await scheduler.start();
    await sleep(1_200);
    await scheduler.close();
    const after = calls;
    expect(after).toBeGreaterThan(0);
    await sleep(1_200);
    expect(calls).toBe(after);
  });
});
