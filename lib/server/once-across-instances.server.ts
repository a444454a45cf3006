import 'server-only';

/**
 * One piece of work done once by every instance that shares a store (Redis): one instance takes a
 * short lock and does it while the others wait for the result it stores. Renewing a user's token
 * (whose refresh token GitHub accepts once) and taking an installation token both go this way.
 */

/** `acquired`: this caller does the work; `held`: another instance is doing it; `unavailable`: no shared lock to be had. */
export type SharedLock = { state: 'acquired'; id: string } | { state: 'held' } | { state: 'unavailable' };

export interface Lockable {
  lock(key: string, ttlMs: number): Promise<SharedLock>;
  unlock(key: string, lock: SharedLock): Promise<void>;
}

export interface LockTiming {
  /** How long the shared lock holds if its holder dies: longer than the work may take. */
  lockMs?: number;
  /** How long a caller waits for another instance's result. */
  waitMs?: number;
  pollMs?: number;
}

export type Timing = Required<LockTiming> & { now: () => number };

/** The timing asked for, the rest by default: a 20 s lock, 15 s of waiting, a look every 100 ms. */
export function lockTiming({
  lockMs = 20_000,
  waitMs = 15_000,
  pollMs = 100,
  now = Date.now,
}: LockTiming & { now?: () => number }): Timing {
  return { lockMs, waitMs, pollMs, now };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Does `work` unless another instance does it first. `stored` looks for another instance's result:
 * while the lock is held (every `pollMs`), and again once this caller has the lock (someone may have
 * finished between the first look and the lock). A lock that goes away without a result (its
 * holder failed) is taken in its place. When `waitMs` passes first, `gaveUp` answers, or, without
 * it, this caller does the work itself. `work` learns whether it holds the lock.
 */
export async function onceAcrossInstances<T>(
  shared: Lockable | null | undefined,
  key: string,
  timing: Timing,
  steps: { stored(): Promise<T | null | undefined>; work(lock: SharedLock): Promise<T>; gaveUp?(): T },
): Promise<T> {
  let lock: SharedLock = shared ? await shared.lock(key, timing.lockMs) : { state: 'unavailable' };
  if (lock.state === 'held' && shared) {
    const giveUp = timing.now() + timing.waitMs;
    while (lock.state === 'held') {
      if (timing.now() >= giveUp) {
        if (steps.gaveUp) return steps.gaveUp();
        break;
      }
      await sleep(timing.pollMs);
      const result = await steps.stored();
      if (result) return result;
      lock = await shared.lock(key, timing.lockMs);
    }
  }
  try {
    if (lock.state === 'acquired' && shared) {
      const result = await steps.stored();
      if (result) return result;
    }
    return await steps.work(lock);
  } finally {
    if (shared) await shared.unlock(key, lock);
  }
}
