import { gzip } from 'node:zlib';

/**
 * Gzipped copies of the bodies the proxy serves again and again (a list revalidated by every poll):
 * compressed once, in zlib's thread pool, instead of by the server on every answer (a 250 KB list
 * costs ~3 ms of compression each time). Per process, in memory, least recently used first out.
 */
export class CompressedBodies {
  private readonly entries = new Map<string, Buffer>();
  private readonly pending = new Set<string>();
  private bytes = 0;

  constructor(
    private readonly maxBytes = 16 * 1024 * 1024,
    /** Below this, compression saves too little to matter. */
    readonly minBodyBytes = 1024,
  ) {}

  get(key: string): Buffer | undefined {
    const body = this.entries.get(key);
    if (body) {
      this.entries.delete(key);
      this.entries.set(key, body);
    }
    return body;
  }

  /** Starts compressing `body` for `key` unless it is small, done, or under way; resolves when stored. */
  prepare(key: string, body: string): Promise<void> {
    if (body.length < this.minBodyBytes || this.entries.has(key) || this.pending.has(key)) return Promise.resolve();
    this.pending.add(key);
    return new Promise((resolve) => {
      gzip(body, (error, compressed) => {
        this.pending.delete(key);
        if (!error && compressed.length <= this.maxBytes / 8) this.put(key, compressed);
        resolve();
      });
    });
  }

  get size(): number {
    return this.entries.size;
  }

  get storedBytes(): number {
    return this.bytes;
  }

  private put(key: string, compressed: Buffer) {
    this.entries.set(key, compressed);
    this.bytes += compressed.length;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= value.length;
    }
  }
}
