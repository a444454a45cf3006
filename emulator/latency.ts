/**
 * GitHub's distance, imitated: every request waits a fixed delay plus a uniform jitter before the
 * emulator answers it, so that the benchmark (and a person trying Hangar) can feel api.github.com
 * 50–300 ms away instead of on loopback. The emulator's test hooks (`/_emulator/…`) are not
 * delayed: they are the test's own controls, not GitHub.
 *
 * `EMULATOR_LATENCY_MS=150 EMULATOR_JITTER_MS=30 npm run emulator` (or `npm start` in demo mode).
 */

export type Handler = (req: Request) => Promise<Response>;

export interface Latency {
  /** The fixed part of every request's delay, in milliseconds. */
  latencyMs: number;
  /** Up to this much more or less, uniformly (the delay never goes below zero). */
  jitterMs?: number;
}

export interface LatencyOptions extends Latency {
  /** A number in [0, 1) (default Math.random), for tests. */
  random?: () => number;
  /** How to wait (default a timer), for tests. */
  sleep?: (ms: number) => Promise<void>;
}

const timerSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One request's delay: latency ± jitter, uniformly, never negative. */
export function delayFor({ latencyMs, jitterMs = 0, random = Math.random }: LatencyOptions): number {
  return Math.max(0, latencyMs + (random() * 2 - 1) * jitterMs);
}

/** Whether a request is for the emulator's test hooks (never delayed). */
const isControl = (req: Request) => new URL(req.url).pathname.includes('/_emulator/');

/**
 * `handle`, answering each request only after the delay. With no latency and no jitter, `handle`
 * itself (nothing changes).
 */
export function withLatency(handle: Handler, options: LatencyOptions): Handler {
  const { latencyMs, jitterMs = 0, sleep = timerSleep } = options;
  if (latencyMs === 0 && jitterMs === 0) return handle;
  return async (req) => {
    if (!isControl(req)) await sleep(delayFor(options));
    return handle(req);
  };
}

function wholeMs(env: Record<string, string | undefined>, name: string): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return 0;
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new Error(`${name} must be a whole number of milliseconds, 0 or more (e.g. ${name}=150); it is "${env[name]}"`);
  }
  return Number(raw);
}

/** EMULATOR_LATENCY_MS and EMULATOR_JITTER_MS (both default 0); throws, naming the variable, on a bad value. */
export function latencyFromEnv(env: Record<string, string | undefined> = process.env): Required<Latency> {
  return { latencyMs: wholeMs(env, 'EMULATOR_LATENCY_MS'), jitterMs: wholeMs(env, 'EMULATOR_JITTER_MS') };
}

/** "150 ms ± 30 ms", for banners. */
export function describeLatency({ latencyMs, jitterMs = 0 }: Latency): string {
  return jitterMs ? `${latencyMs} ms ± ${jitterMs} ms` : `${latencyMs} ms`;
}
