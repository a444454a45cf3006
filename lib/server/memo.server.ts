/**
 * One value computed at most once per `ttlMs`, however many ask: callers within the window get the
 * remembered value, callers while it is being computed share that computation. For answers that
 * anyone may ask for without a session (the health check's "is GitHub reachable?"), so that asking
 * often costs GitHub nothing.
 */
export class Memo<T> {
  private value: { result: T; until: number } | null = null;
  private pending: Promise<T> | null = null;

  constructor(
    private readonly compute: () => Promise<T>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<T> {
    if (this.value && this.value.until > this.now()) return Promise.resolve(this.value.result);
    this.pending ??= this.compute()
      .then((result) => {
        this.value = { result, until: this.now() + this.ttlMs };
        return result;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }
}
