/**
 * Identical requests in flight at the same moment share one answer: a user with the dashboard open
 * in several tabs, or a page and its own poll, cost GitHub one request instead of several. The
 * shared answer was asked for after each of them arrived less one round trip, at most; once it is
 * in, the next request asks afresh.
 */
export class SingleFlight<T> {
  private readonly inflight = new Map<string, Promise<T>>();

  run(key: string, task: () => Promise<T>): Promise<T> {
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = task().finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  /** Requests in flight now (an idle instance holds none). */
  get size(): number {
    return this.inflight.size;
  }
}
