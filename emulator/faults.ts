/** Fault injection for tests: answer some requests with an error, late, or both. */

export interface FaultRule {
  method?: string;
  /** Regular expression tested against the path without mount and `/api`, e.g. `^/user/codespaces$`. */
  path: string;
  status?: number;
  delayMs?: number;
  /** How many matching requests it affects (default 1). */
  times?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type ActiveRule = FaultRule & { remaining: number; regex: RegExp };

export class Faults {
  private rules: ActiveRule[] = [];

  /** Throws on a path that is not a valid regular expression. */
  add(rule: FaultRule) {
    this.rules.push({ ...rule, regex: new RegExp(rule.path), remaining: rule.times ?? 1 });
  }

  /** The first rule that applies to this request, used up by one. */
  take(method: string, path: string): FaultRule | null {
    const index = this.rules.findIndex((f) => (!f.method || f.method.toUpperCase() === method) && f.regex.test(path));
    if (index < 0) return null;
    const fault = this.rules[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.rules.splice(index, 1);
    return fault;
  }

  pending(): FaultRule[] {
    return this.rules.map(({ method, path, status, delayMs, remaining, body, headers }) => ({
      method,
      path,
      status,
      delayMs,
      times: remaining,
      body,
      headers,
    }));
  }

  get size() {
    return this.rules.length;
  }

  clear() {
    this.rules = [];
  }
}
