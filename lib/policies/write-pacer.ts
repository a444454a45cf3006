import type { Clock } from './ports';

/**
 * How a run's writes to GitHub are paced: at most `maxInFlight` at once, and starts at least
 * `minSpacingMs` apart. GitHub's REST best practices ask integrations to "wait at least one second
 * between each" mutating request and to avoid concurrent requests
 * (docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api), hence the
 * defaults: one second apart, and never more than four in flight (the cap is enforced here,
 * whatever is asked, so a slow GitHub never has a pile of Hangar's writes open at once).
 */

export const MAX_WRITES_IN_FLIGHT = 4;
export const DEFAULT_WRITE_SPACING_MS = 1_000;

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface WritePacer {
  /**
   * Runs `task` once a slot is free. The task calls `startWrite()` right before its write: it
   * resolves when the spacing since the previous write's start has passed. Work before it (a
   * re-check's read) happens inside the slot, so it never piles up ahead of the writes.
   */
  run<T>(task: (startWrite: () => Promise<void>) => Promise<T>): Promise<T>;
}

export function createWritePacer({
  maxInFlight = MAX_WRITES_IN_FLIGHT,
  minSpacingMs = DEFAULT_WRITE_SPACING_MS,
  clock,
}: {
  maxInFlight?: number;
  minSpacingMs?: number;
  clock: Clock;
}): WritePacer {
  const limit = Math.max(1, Math.min(MAX_WRITES_IN_FLIGHT, Math.floor(maxInFlight)));
  const spacing = Math.max(0, minSpacingMs);
  let active = 0;
  const waiting: (() => void)[] = [];
  let lastStart = Number.NEGATIVE_INFINITY;
  // Starts are handed out one at a time, in order, each after the spacing.
  let startQueue: Promise<void> = Promise.resolve();

  const acquire = () => {
    if (active < limit) {
      active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => waiting.push(resolve));
  };
  // A freed slot passes straight to the next waiting task, so `active` never exceeds the limit.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  const startWrite = () => {
    const turn = startQueue.then(async () => {
      const wait = lastStart + spacing - clock.now().getTime();
      if (wait > 0) await clock.sleep(wait);
      lastStart = clock.now().getTime();
    });
    startQueue = turn;
    return turn;
  };

  return {
    async run(task) {
      await acquire();
      try {
        return await task(startWrite);
      } finally {
        release();
      }
    },
  };
}
