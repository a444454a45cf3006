import 'server-only';
import { manualSignalHandling, serverConfig, type ServerConfig } from '@/lib/config';
import { closeDatabase, database } from '@/lib/db/database.server';
import { logEvent } from '@/lib/server/log.server';
import { inProcessScheduler, redisScheduler, type PolicyScheduler, type ScheduledRun } from './policy-scheduler.server';

/**
 * The server's work that no request starts, begun once when the production server starts
 * (instrumentation.ts) and ended when it stops:
 * - the database opens, so its migrations are applied at start and a problem is said at once;
 * - policies run every HANGAR_POLICY_INTERVAL_S, through Redis when instances share one (REDIS_URL).
 * SIGTERM and SIGINT close the scheduler (after a run in progress) and the database.
 */

interface Background {
  scheduler: PolicyScheduler | null;
  stopping: Promise<void> | null;
}

// On globalThis: one per process, however many bundles load this module.
const holder = globalThis as typeof globalThis & { __hangarBackground?: Background };

export interface BackgroundOptions {
  /** What each interval runs (the policy runner's evaluation of every enabled policy). */
  run: ScheduledRun;
  config?: ServerConfig;
  /** Whether to close everything on SIGTERM and SIGINT (the server's; tests stop it themselves). */
  onSignals?: boolean;
}

/** Redis when instances share one, this process otherwise. */
function schedulerFor(config: ServerConfig, run: ScheduledRun): PolicyScheduler {
  const intervalMs = config.policyIntervalS * 1000;
  return config.redisUrl ? redisScheduler({ intervalMs, run, redisUrl: config.redisUrl }) : inProcessScheduler({ intervalMs, run });
}

export async function startBackgroundWork({ run, config = serverConfig(), onSignals = true }: BackgroundOptions): Promise<void> {
  if (holder.__hangarBackground) return;
  const background: Background = { scheduler: null, stopping: null };
  holder.__hangarBackground = background;

  // Opened now, not awaited: the first page must not wait for it (a first start creates the
  // database, which takes seconds). Errors are logged where they happen (database.server.ts), and
  // the server serves on without it.
  database().catch(() => undefined);

  if (!config.githubApp) {
    logEvent('info', 'policy.schedule', { state: 'off', why: 'no GitHub App (GITHUB_APP_ID): policies cannot act on organisations' });
  } else {
    const scheduler = schedulerFor(config, run);
    background.scheduler = scheduler;
    scheduler.start().then(
      () => logEvent('info', 'policy.schedule', { state: 'started', kind: scheduler.kind, intervalS: config.policyIntervalS }),
      (error: Error) => logEvent('error', 'policy.schedule', { state: 'cannot start', kind: scheduler.kind, error: error.message }),
    );
  }

  if (onSignals) for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => closeBeforeExit(signal));
}

/** Docker waits 10 s after SIGTERM before it kills: the background work gets most of that. */
const SHUTDOWN_GRACE_MS = 8_000;
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * On SIGTERM or SIGINT, Next closes its HTTP server (letting requests in flight finish) and then
 * calls process.exit, which would cut the database off mid-close. So the exit waits, at most
 * SHUTDOWN_GRACE_MS, for the scheduler (and a run in progress) and the database to close.
 * With NEXT_MANUAL_SIG_HANDLE set, Next leaves the signal alone, and the exit is Hangar's to make.
 */
function closeBeforeExit(signal: keyof typeof SIGNAL_EXIT_CODES) {
  const stopping = stopBackgroundWork().catch((error: Error) =>
    logEvent('warn', 'policy.schedule', { state: 'shutdown incomplete', error: error.message }),
  );
  const exit = process.exit.bind(process);
  const done = Promise.race([stopping, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref())]);
  process.exit = ((code?: number) => void done.finally(() => exit(code))) as typeof process.exit;
  if (manualSignalHandling()) void done.finally(() => exit(SIGNAL_EXIT_CODES[signal]));
}

/** Closes the scheduler (letting a run in progress end) and then the database. */
export function stopBackgroundWork(): Promise<void> {
  const background = holder.__hangarBackground;
  if (!background) return closeDatabase();
  background.stopping ??= (async () => {
    try {
      await background.scheduler?.close();
    } catch (error) {
      logEvent('warn', 'policy.schedule', { state: 'close failed', error: (error as Error).message });
    }
    await closeDatabase();
    holder.__hangarBackground = undefined;
  })();
  return background.stopping;
}
