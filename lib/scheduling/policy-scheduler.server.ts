import 'server-only';
import type { Queue, Worker } from 'bullmq';
import { createClient } from 'redis';
import { logEvent } from '@/lib/server/log.server';

/**
 * Runs the policies every interval (HANGAR_POLICY_INTERVAL_S), whether or not anyone has Hangar
 * open, and once per interval however many instances serve the deployment:
 * - with REDIS_URL, a BullMQ job scheduler on the Redis the instances already share: Redis holds
 *   one schedule, each interval makes one job, and one instance's worker takes it;
 * - alone, a timer in this process.
 * The work itself is one injected function, `run(now)`: the policy runner's evaluation of every
 * enabled policy. A run that fails is reported and the next interval runs as usual: never
 * retried at once, never in a loop.
 */

export type ScheduledRun = (now: Date) => Promise<void>;

export interface SchedulerOptions {
  intervalMs: number;
  run: ScheduledRun;
  /** A run that failed (default: logged). The policy runner records each policy's own failures. */
  onFailure?: (error: unknown, at: Date) => void;
}

export interface PolicyScheduler {
  readonly kind: 'in-process' | 'redis';
  start(): Promise<void>;
  /** Stops scheduling, waits for a run in progress to end, and lets go of its connections. */
  close(): Promise<void>;
}

const reportFailure = (error: unknown, at: Date) =>
  logEvent('error', 'policy.schedule', {
    state: 'run failed',
    at: at.toISOString(),
    error: error instanceof Error ? error.message : String(error),
  });

/**
 * This process alone: a run at each multiple of the interval (so a restart does not move the
 * schedule), never two at once (an interval whose run is still going is skipped).
 */
export function inProcessScheduler({ intervalMs, run, onFailure = reportFailure }: SchedulerOptions): PolicyScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let closed = false;

  const schedule = () => {
    if (closed) return;
    const now = Date.now();
    const next = Math.floor(now / intervalMs) * intervalMs + intervalMs;
    timer = setTimeout(tick, next - now);
    // The schedule alone does not keep a process alive (the server does).
    timer.unref?.();
  };

  const tick = () => {
    if (!running) {
      const at = new Date();
      running = run(at)
        .catch((error: unknown) => onFailure(error, at))
        .finally(() => (running = null));
    } else {
      logEvent('warn', 'policy.schedule', { state: 'skipped: the previous run is still going' });
    }
    schedule();
  };

  return {
    kind: 'in-process',
    async start() {
      if (!timer && !closed) schedule();
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export interface RedisSchedulerOptions extends SchedulerOptions {
  redisUrl: string;
  /** The queue's name and key prefix in Redis (tests use their own). */
  queueName?: string;
  prefix?: string;
}

/** The job scheduler's id: upserted by every instance, so there is one schedule however many start. */
const SCHEDULER_ID = 'evaluate-policies';

/**
 * Several instances on one Redis: BullMQ's job scheduler makes one job per interval (its id is
 * the scheduler's and the interval's, so instances that upsert the same schedule add nothing),
 * and whichever instance's worker is free takes it. A job is tried once: a failed run waits for
 * the next interval, and a run whose instance died mid-way is not taken up again by another
 * (`maxStalledCount: 0`), since half of it may already have acted.
 * BullMQ talks to Redis through node-redis clients, the client Hangar already uses.
 */
export function redisScheduler({
  intervalMs,
  run,
  onFailure = reportFailure,
  redisUrl,
  queueName = 'hangar-policies',
  prefix = 'hangar:bull',
}: RedisSchedulerOptions): PolicyScheduler {
  const clients = [createClient({ url: redisUrl }), createClient({ url: redisUrl })];
  let queue: Queue | undefined;
  let worker: Worker | undefined;
  let lastComplaint = 0;
  const complain = (error: Error) => {
    // A Redis outage is reported once a minute, not for every retry.
    if (Date.now() - lastComplaint < 60_000) return;
    lastComplaint = Date.now();
    logEvent('warn', 'policy.schedule', { state: 'redis unavailable', error: error.message });
  };
  for (const client of clients) client.on('error', complain);

  return {
    kind: 'redis',
    async start() {
      // Loaded only here: an instance without Redis never needs BullMQ in memory.
      const { Queue, Worker } = await import('bullmq');
      const [queueClient, workerClient] = clients as [ReturnType<typeof createClient>, ReturnType<typeof createClient>];
      await Promise.all(clients.map((client) => client.connect()));
      queue = new Queue(queueName, { connection: queueClient, prefix });
      queue.on('error', complain);
      await queue.upsertJobScheduler(
        SCHEDULER_ID,
        { every: intervalMs },
        { name: SCHEDULER_ID, opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 } },
      );
      worker = new Worker(
        queueName,
        async () => {
          const at = new Date();
          try {
            await run(at);
          } catch (error) {
            onFailure(error, at);
            throw error;
          }
        },
        { connection: workerClient, prefix, concurrency: 1, maxStalledCount: 0 },
      );
      worker.on('error', complain);
    },
    async close() {
      await worker?.close();
      await queue?.close();
      await Promise.all(clients.map((client) => (client.isOpen ? client.close() : undefined)));
    },
  };
}
