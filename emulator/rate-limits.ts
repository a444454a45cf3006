/** GitHub's primary rate limit per user: an hourly window, counted by the REST dispatch. */

export interface RateWindow {
  used: number;
  resetAt: number;
}

const HOUR = 3_600_000;

export class RateLimits {
  private windows = new Map<string, RateWindow>();

  constructor(
    readonly limit: number,
    private readonly now: () => number,
  ) {}

  /** The user's current window, opened afresh when the last one has ended. */
  window(login: string): RateWindow {
    const t = this.now();
    let state = this.windows.get(login);
    if (!state || state.resetAt <= t) {
      state = { used: 0, resetAt: t + HOUR };
      this.windows.set(login, state);
    }
    return state;
  }

  exhausted(login: string): boolean {
    return this.window(login).used >= this.limit;
  }

  /** GitHub's `x-ratelimit-*` headers for this user (none for an anonymous request). */
  headers(login: string | null): Record<string, string> {
    if (!login) return {};
    const state = this.window(login);
    return {
      'x-ratelimit-limit': String(this.limit),
      'x-ratelimit-remaining': String(Math.max(0, this.limit - state.used)),
      'x-ratelimit-reset': String(Math.ceil(state.resetAt / 1000)),
      'x-ratelimit-used': String(state.used),
      'x-ratelimit-resource': 'core',
    };
  }

  clear() {
    this.windows = new Map();
  }
}
