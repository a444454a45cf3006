/**
 * Fault injection for tests: answer some requests with an error, late, or both; or with an answer
 * that is broken the way a misbehaving edge breaks them (an HTML error page, nothing at all, or
 * JSON cut off part way).
 */

/**
 * - `html`: GitHub's "Unicorn!" error page as text/html (status default 503), as its edge answers
 *   when the API behind it is down;
 * - `empty`: the status (default 200) with a JSON content type and no body at all;
 * - `truncated`: the real answer, its body cut off half way (status and headers unchanged).
 */
export const FAULT_KINDS = ['html', 'empty', 'truncated'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

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
  kind?: FaultKind;
}

type ActiveRule = FaultRule & { remaining: number; regex: RegExp };

export function isFaultKind(value: unknown): value is FaultKind {
  return (FAULT_KINDS as readonly unknown[]).includes(value);
}

export class Faults {
  private rules: ActiveRule[] = [];

  /** Throws on a path that is not a valid regular expression, or an unknown kind. */
  add(rule: FaultRule) {
    if (rule.kind !== undefined && !isFaultKind(rule.kind)) throw new Error(`Unknown fault kind ${String(rule.kind)}`);
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
    return this.rules.map(({ method, path, status, delayMs, remaining, body, headers, kind }) => ({
      method,
      path,
      status,
      delayMs,
      times: remaining,
      body,
      headers,
      ...(kind ? { kind } : {}),
    }));
  }

  get size() {
    return this.rules.length;
  }

  clear() {
    this.rules = [];
  }
}

/** GitHub's edge error page, much as github.com serves it when the service behind it is down. */
export function unicornPage(status: number): Response {
  const page = `<!DOCTYPE html>
<html>
  <head>
    <meta http-equiv="Content-type" content="text/html; charset=utf-8">
    <title>Unicorn! &middot; GitHub</title>
  </head>
  <body>
    <div class="container">
      <p><strong>No server is currently available to service your request.</strong></p>
      <p>Sorry about that. Please try refreshing and contact us if the problem persists.</p>
    </div>
  </body>
</html>
`;
  return new Response(page, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' } });
}

/** The same answer with its body cut off half way; a body-less answer stays as it is. */
export async function truncated(response: Response): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  const cut = bytes.length > 1 ? bytes.slice(0, Math.floor(bytes.length / 2)) : bytes;
  return new Response(response.status === 204 || response.status === 304 ? null : cut, { status: response.status, headers });
}
