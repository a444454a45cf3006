import { createClient } from 'redis';
import { logEvent } from '@/lib/server/log.server';

type Client = ReturnType<typeof createClient>;

export interface RedisConnectionOptions {
  /** A Redis call slower than this counts as a miss: shared state must never make requests slower. */
  timeoutMs?: number;
}

/**
 * One connection to the Redis that several Hangar instances share, for everything they share
 * (answers and rate limits, token renewals). If Redis is slow or down, a command answers
 * undefined instead of failing: shared state is an economy, never a dependency. While it is down,
 * commands miss at once (node-redis reconnects in the background), the log says so once a minute
 * and again when it answers, and `available()` says false.
 */
export class RedisConnection {
  private readonly client: Client;
  private readonly timeoutMs: number;
  private ready: Promise<boolean> | null = null;
  /** Since when Redis has failed to answer (a failed connection or command); null while it answers. */
  private downSince: number | null = null;
  /** Once connected, a lost connection is an outage (misses at once); before, a first connection is still on its way. */
  private connectedOnce = false;
  private lastComplaint = 0;

  constructor(url: string, { timeoutMs = 500 }: RedisConnectionOptions = {}) {
    this.timeoutMs = timeoutMs;
    this.client = createClient({
      url,
      // Fail fast while disconnected instead of queueing requests behind a dead connection.
      disableOfflineQueue: true,
      socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
    });
    // Without a listener an unreachable Redis would crash the server; here it is only reported.
    this.client.on('error', (error: Error) => this.complain(error));
    this.client.on('ready', () => {
      this.connectedOnce = true;
      this.answering();
    });
    // Connect at once, so the first request that needs Redis does not also wait for the connection.
    void this.connect();
  }

  private connect(): Promise<boolean> {
    this.ready ??= this.client.connect().then(
      () => true,
      (error: Error) => {
        this.complain(error);
        this.ready = null;
        return false;
      },
    );
    return this.ready;
  }

  /**
   * Runs one command with a deadline (connecting included: node-redis keeps retrying an unreachable
   * server rather than failing). Any failure is undefined, reported at most once a minute.
   */
  async run<T>(command: (client: Client) => Promise<T>, deadlineMs = this.timeoutMs): Promise<T | undefined> {
    // Known to be down and not reconnected yet: a miss at once, not a wait for every request.
    if (this.connectedOnce && this.downSince !== null && !this.client.isReady) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const attempt = (async () => {
      // node-redis reconnects a lost connection by itself; only a first connection is asked for here.
      if (!this.client.isReady && !this.connectedOnce && !(await this.connect())) return undefined;
      const result = await command(this.client);
      this.answering();
      return result;
    })();
    try {
      return await Promise.race([
        attempt,
        new Promise<undefined>((resolve) => {
          timer = setTimeout(() => {
            this.complain(new Error(`Redis did not answer within ${deadlineMs} ms`));
            resolve(undefined);
          }, deadlineMs);
        }),
      ]);
    } catch (error) {
      this.complain(error as Error);
      return undefined;
    } finally {
      clearTimeout(timer);
      // A command that lost the race may still fail later: that is already reported, not thrown.
      attempt.catch(() => undefined);
    }
  }

  /**
   * Whether Redis answers a PING now. The health check is asked seldom and may wait a little
   * longer than a request would: a first connection on a busy server is not an outage.
   */
  async available(): Promise<boolean> {
    return (await this.run((c) => c.ping(), Math.max(this.timeoutMs, 1_000))) === 'PONG';
  }

  async close(): Promise<void> {
    if (this.client.isReady) await this.client.close();
    // Still trying to connect: nothing to flush, stop the retries.
    else if (this.client.isOpen) this.client.destroy();
  }

  /** Redis answered: if it had not been, say it is back (and the next outage is reported at once). */
  private answering() {
    if (this.downSince === null) return;
    logEvent('info', 'github.store', { store: 'redis', state: 'available again', downForMs: Date.now() - this.downSince });
    this.downSince = null;
    this.lastComplaint = 0;
  }

  private complain(error: Error) {
    const now = Date.now();
    this.downSince ??= now;
    if (now - this.lastComplaint < 60_000) return;
    this.lastComplaint = now;
    logEvent('warn', 'github.store', { store: 'redis', state: 'unavailable', error: error.message });
  }
}
