import { createClient } from 'redis';

type Client = ReturnType<typeof createClient>;

export interface RedisConnectionOptions {
  /** A Redis call slower than this counts as a miss: shared state must never make requests slower. */
  timeoutMs?: number;
}

/**
 * One connection to the Redis that several Hangar instances share, for everything they share
 * (answers and rate limits, token renewals). If Redis is slow or down, a command answers
 * undefined instead of failing, and the trouble is reported at most once a minute.
 */
export class RedisConnection {
  private readonly client: Client;
  private readonly timeoutMs: number;
  private ready: Promise<boolean> | null = null;
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
  }

  /**
   * Runs one command with a deadline (connecting included: node-redis keeps retrying an unreachable
   * server rather than failing). Any failure is undefined, reported at most once a minute.
   */
  async run<T>(command: (client: Client) => Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const attempt = (async () => {
      if (!this.client.isReady) {
        this.ready ??= this.client.connect().then(
          () => true,
          (error: Error) => {
            this.complain(error);
            this.ready = null;
            return false;
          },
        );
        if (!(await this.ready)) return undefined;
      }
      return command(this.client);
    })();
    try {
      return await Promise.race([
        attempt,
        new Promise<undefined>((resolve) => {
          timer = setTimeout(() => {
            this.complain(new Error(`Redis did not answer within ${this.timeoutMs} ms`));
            resolve(undefined);
          }, this.timeoutMs);
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

  async close(): Promise<void> {
    if (this.client.isReady) await this.client.close();
    // Still trying to connect: nothing to flush, stop the retries.
    else if (this.client.isOpen) this.client.destroy();
  }

  private complain(error: Error) {
    const now = Date.now();
    if (now - this.lastComplaint < 60_000) return;
    this.lastComplaint = now;
    console.warn(JSON.stringify({ at: new Date(now).toISOString(), event: 'github.store', store: 'redis', error: error.message }));
  }
}
