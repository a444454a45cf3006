import 'server-only';
import { randomBytes } from 'node:crypto';
import type { RedisConnection } from '@/lib/github/store/redis-connection.server';
import type { Lockable, SharedLock } from '@/lib/server/once-across-instances.server';
import { SealedValues } from '@/lib/server/sealed-values.server';

/** An installation token and when GitHub said it stops working (epoch ms). */
export interface InstallationToken {
  token: string;
  expiresAt: number;
}

/**
 * Where installation tokens are kept between calls: this process's memory, and, with REDIS_URL,
 * Redis, so that every instance uses one token and takes a new one once (its lock: `acquired`, this
 * caller takes the new token; `held`, another instance is taking it).
 */
export interface InstallationTokenStore extends Lockable {
  get(key: string): Promise<InstallationToken | undefined>;
  put(key: string, token: InstallationToken, ttlMs: number): Promise<void>;
}

function isInstallationToken(value: unknown): value is InstallationToken {
  const token = value as Partial<InstallationToken> | null;
  return typeof token?.token === 'string' && typeof token.expiresAt === 'number';
}

/** This process's tokens. Its lock is always granted: within a process, callers share one flight. */
export class MemoryInstallationTokenStore implements InstallationTokenStore {
  private readonly tokens = new Map<string, { token: InstallationToken; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<InstallationToken | undefined> {
    const entry = this.tokens.get(key);
    if (entry && entry.until > this.now()) return entry.token;
    this.tokens.delete(key);
    return undefined;
  }

  async put(key: string, token: InstallationToken, ttlMs: number): Promise<void> {
    this.tokens.set(key, { token, until: this.now() + ttlMs });
  }

  async lock(): Promise<SharedLock> {
    return { state: 'acquired', id: 'memory' };
  }

  async unlock(): Promise<void> {}
}

/** Deletes the lock only if it is still ours: it may have expired and been taken by another instance. */
const UNLOCK_IF_OURS = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * Tokens shared by every instance on one Redis, and the short lock that lets one of them take a
 * new token while the others wait for it. A token is a credential for the whole organisation, so
 * what Redis holds is encrypted (AES-256-GCM, with a key derived from AUTH_SECRET and bound to the
 * key it is stored under): reading Redis is not enough to act on an organisation. If Redis is
 * down, `get` misses and `lock` is `unavailable`: each instance then takes its own token.
 */
export class RedisInstallationTokenStore implements InstallationTokenStore {
  private readonly sealed: SealedValues<InstallationToken>;

  constructor(
    private readonly connection: RedisConnection,
    secret: string,
    private readonly prefix = 'hangar:v1',
  ) {
    this.sealed = new SealedValues(secret, 'hangar installation tokens v1', isInstallationToken);
  }

  async get(key: string): Promise<InstallationToken | undefined> {
    const name = this.tokenKey(key);
    const raw = await this.connection.run((c) => c.get(name));
    return typeof raw === 'string' ? this.sealed.open(name, raw) : undefined;
  }

  async put(key: string, token: InstallationToken, ttlMs: number): Promise<void> {
    const name = this.tokenKey(key);
    const sealed = this.sealed.seal(name, token);
    await this.connection.run((c) => c.set(name, sealed, { expiration: { type: 'PX', value: Math.max(1, Math.round(ttlMs)) } }));
  }

  async lock(key: string, ttlMs: number): Promise<SharedLock> {
    const id = randomBytes(12).toString('base64url');
    const answer = await this.connection.run((c) =>
      c.set(this.lockKey(key), id, { condition: 'NX', expiration: { type: 'PX', value: Math.round(ttlMs) } }),
    );
    if (answer === undefined) return { state: 'unavailable' };
    return answer === 'OK' ? { state: 'acquired', id } : { state: 'held' };
  }

  async unlock(key: string, lock: SharedLock): Promise<void> {
    if (lock.state !== 'acquired') return;
    await this.connection.run((c) => c.eval(UNLOCK_IF_OURS, { keys: [this.lockKey(key)], arguments: [lock.id] }));
  }

  private tokenKey(key: string) {
    return `${this.prefix}:installation-token:${key}`;
  }

  private lockKey(key: string) {
    return `${this.prefix}:installation-token-lock:${key}`;
  }
}
