import { createHash } from 'node:crypto';
import type { RedisConnection } from '@/lib/github/store/redis-connection.server';
import { DurableRecords } from './durable-records.server';

/**
 * Sessions that were signed out, remembered on the server for as long as their cookie could
 * still live, so that a copy of the cookie is worth nothing afterwards in every mode: with an
 * OAuth App whose token GitHub did not confirm revoking, with a GitHub App, in local mode. Every
 * place that reads a session asks (lib/auth/session.ts `resolveSession`).
 *
 * A small interface, so that where markers live can change (a database) without its callers.
 */
export interface EndedSessionStore {
  /** Marks the session `id` ended until `untilMs` (epoch ms), when its cookie ends anyway. */
  end(id: string, untilMs: number): Promise<void>;
  /** Whether the session `id` was marked ended (and that mark has not run out). */
  isEnded(id: string): Promise<boolean>;
}

/** The store key for a session id: a hash, so the store holds nothing a cookie holds. */
function endedSessionKey(id: string): string {
  return createHash('sha256').update(`hangar/session\0${id}`).digest('hex');
}

/**
 * This process's markers. Expired ones go first; past `maxMarkers` (each is ~150 bytes) the one
 * that would run out soonest goes, so filling it takes that many sign-outs, each a full sign-in.
 */
export class MemoryEndedSessions implements EndedSessionStore {
  private readonly markers = new Map<string, number>();

  constructor(
    private readonly maxMarkers = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  async end(id: string, untilMs: number): Promise<void> {
    const key = endedSessionKey(id);
    this.markers.set(key, Math.max(untilMs, this.markers.get(key) ?? 0));
    if (this.markers.size > this.maxMarkers) this.sweep();
  }

  async isEnded(id: string): Promise<boolean> {
    const key = endedSessionKey(id);
    const until = this.markers.get(key);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.markers.delete(key);
    return false;
  }

  get size(): number {
    return this.markers.size;
  }

  private sweep() {
    const now = this.now();
    for (const [key, until] of this.markers) if (until <= now) this.markers.delete(key);
    while (this.markers.size > this.maxMarkers) {
      let soonest: [string, number] | null = null;
      for (const entry of this.markers) if (!soonest || entry[1] < soonest[1]) soonest = entry;
      this.markers.delete(soonest![0]);
    }
  }
}

/**
 * Markers every instance on one Redis shares, as durable records (no TTL, out of the answer
 * cache's eviction: lib/auth/durable-records.ts). Redis down: nothing is known there, and each
 * instance still has its own markers.
 */
export class RedisEndedSessions implements EndedSessionStore {
  private readonly records: DurableRecords;

  constructor(
    connection: RedisConnection,
    private readonly prefix = 'hangar:v1',
    private readonly now: () => number = Date.now,
  ) {
    this.records = new DurableRecords(connection, prefix);
  }

  async end(id: string, untilMs: number): Promise<void> {
    const ttlMs = untilMs - this.now();
    if (ttlMs > 0) await this.records.put(this.key(id), '1', ttlMs);
  }

  async isEnded(id: string): Promise<boolean> {
    return (await this.records.get(this.key(id))) !== undefined;
  }

  private key(id: string) {
    return `${this.prefix}:session-ended:${endedSessionKey(id)}`;
  }
}

/**
 * This process's markers, and the shared ones when there is a Redis: a sign-out writes both, a
 * read asks memory first and keeps what Redis knew. A session not ended costs one Redis read.
 */
export class EndedSessions implements EndedSessionStore {
  constructor(
    private readonly local: EndedSessionStore,
    private readonly shared: EndedSessionStore | null = null,
    private readonly now: () => number = Date.now,
    /** How long a marker learnt from Redis is kept here: it lasts longer there, and Redis is asked again after. */
    private readonly learntMs = 10 * 60_000,
  ) {}

  async end(id: string, untilMs: number): Promise<void> {
    await Promise.all([this.local.end(id, untilMs), this.shared?.end(id, untilMs)]);
  }

  async isEnded(id: string): Promise<boolean> {
    if (await this.local.isEnded(id)) return true;
    if (!this.shared || !(await this.shared.isEnded(id))) return false;
    await this.local.end(id, this.now() + this.learntMs);
    return true;
  }
}
