/**
 * At most `limit` tasks at once per key (here: per GitHub user), the rest waiting in order.
 * GitHub asks integrations not to flood one user's quota with concurrent requests; Octokit's
 * throttling plugin did this for reads too, through a queue that cost ~10 ms a request (timers).
 * This one costs a few promise hops.
 */
export class KeyedGate {
  private readonly lanes = new Map<string, { active: number; waiting: (() => void)[] }>();

  constructor(private readonly limit: number) {}

  /** `first`: waits ahead of those already waiting (a page's first read, before reads ahead of it). */
  async run<T>(key: string, task: () => Promise<T>, { first = false }: { first?: boolean } = {}): Promise<T> {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { active: 0, waiting: [] };
      this.lanes.set(key, lane);
    }
    if (lane.active >= this.limit)
      await new Promise<void>((resolve) => (first ? lane!.waiting.unshift(resolve) : lane!.waiting.push(resolve)));
    lane.active++;
    try {
      return await task();
    } finally {
      lane.active--;
      const next = lane.waiting.shift();
      if (next) next();
      else if (lane.active === 0) this.lanes.delete(key);
    }
  }

  /** Keys with tasks running or waiting (for tests: an idle gate holds nothing). */
  get busyKeys(): number {
    return this.lanes.size;
  }
}
