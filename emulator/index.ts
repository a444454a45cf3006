/**
 * A GitHub emulator: github.com's OAuth web flow and api.github.com's Codespaces REST API, in
 * memory, as one `(Request) => Promise<Response>` function. Mounted by Hangar in demo mode, run
 * on its own by `npm run emulator`, and used by tests and benchmarks. It imports nothing from
 * the app, so the two can disagree, and tests find out.
 *
 * The parts: state.ts (what it remembers), dispatch.ts (REST: token, rate limit, scope, ETag),
 * api.ts (the route table) with the operations in rest.ts (codespaces, repositories), orgs.ts
 * (organisations), secrets.ts (Codespaces secrets, opened with sealed-box.ts), access.ts (who may
 * use an organisation's Codespaces) and billing.ts (usage reports); permissions.ts (who may do
 * what), oauth.ts and web.ts (github.com's pages), controls.ts (test hooks), faults.ts and request-log.ts.
 */
import { handleControl } from './controls';
import { bearer, handleRest } from './dispatch';
import { truncated, unicornPage, type FaultRule } from './faults';
import { errorBody, githubHeaders, jsonAnswer, readBounded, reason, sleep } from './http';
import type { LogEntry } from './request-log';
import type { World } from './seed';
import { EmulatorState, type EmulatorOptions } from './state';
import type { Revocation, Tokens } from './tokens';
import { handleWeb } from './web';

export type { EmulatorOptions } from './state';
export interface Emulator {
  handle(req: Request): Promise<Response>;
  faults: { add(rule: FaultRule): void; clear(): void; pending(): FaultRule[] };
  log(since?: number): LogEntry[];
  reset(): void;
  setTransitionMs(ms: number): void;
  /** A token for `login`, as if it had signed in (for tests and benchmarks). */
  issueToken(login: string, scopes?: string[]): string;
  /** Every GitHub App refresh token issued, with how many refresh requests presented it. */
  refreshTokens(): ReturnType<Tokens['refreshReport']>;
  /** Tokens revoked through `DELETE /applications/{client_id}/token`. */
  revocations(): Revocation[];
  readonly world: World;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const state = new EmulatorState(options);
  const { mount } = state;

  async function handle(incoming: Request): Promise<Response> {
    const url = new URL(incoming.url);
    if (url.pathname !== mount && !url.pathname.startsWith(`${mount}/`)) return jsonAnswer(404, errorBody(404));
    const path = url.pathname.slice(mount.length) || '/';
    const isRest = path === '/api' || path.startsWith('/api/');
    const logical = isRest ? path.slice(4) || '/' : path;
    // Every body is read here, bounded, before any part of the emulator looks at it.
    const req = await withBoundedBody(incoming);
    if (!req) {
      state.log.push({ method: incoming.method, path: `${logical}${url.search}`, status: 413, login: null, at: Date.now() });
      return jsonAnswer(413, errorBody(413, 'Payload Too Large'));
    }
    if (path.startsWith('/_emulator/')) return options.control ? handleControl(state, req, url, path) : jsonAnswer(404, errorBody(404));

    const who = { login: null as string | null };
    let response: Response;
    const fault = state.faults.take(req.method, logical);
    if (fault?.delayMs) await sleep(fault.delayMs, req.signal);
    const answer = async () => {
      try {
        return isRest ? await handleRest(state, req, url, logical, who) : await handleWeb(state, req, url, path, who);
      } catch (error) {
        // A bug in the emulator answers like GitHub's own trouble, and says so in the log.
        console.error('[emulator]', error);
        return jsonAnswer(500, errorBody(500, `Emulator error: ${(error as Error).message}`));
      }
    };
    const faultyLogin = () => {
      const token = bearer(req);
      return (token && state.tokens.get(token)?.login) ?? null;
    };
    if (fault?.kind === 'truncated') {
      response = await truncated(await answer());
    } else if (fault?.kind === 'html') {
      who.login = faultyLogin();
      response = unicornPage(fault.status ?? 503);
    } else if (fault?.kind === 'empty') {
      who.login = faultyLogin();
      response = new Response(null, {
        status: fault.status ?? 200,
        headers: githubHeaders({ ...state.rateLimits.headers(who.login), ...fault.headers }),
      });
    } else if (fault?.status) {
      who.login = faultyLogin();
      response = jsonAnswer(fault.status, fault.body ?? errorBody(fault.status, reason(fault.status)), {
        ...state.rateLimits.headers(who.login),
        ...fault.headers,
      });
    } else {
      response = await answer();
    }
    state.log.push({ method: req.method, path: `${logical}${url.search}`, status: response.status, login: who.login, at: Date.now() });
    return response;
  }

  return {
    handle,
    faults: { add: (rule) => state.faults.add(rule), clear: () => state.faults.clear(), pending: () => state.faults.pending() },
    log: (since) => state.log.since(since),
    reset: () => state.reset(),
    setTransitionMs: (ms) => (state.transitionMs = ms),
    issueToken: (login, scopes) => state.issueToken(login, scopes),
    refreshTokens: () => state.tokens.refreshReport(),
    revocations: () => state.tokens.revoked(),
    get world() {
      return state.world;
    },
  };
}

/** The request with its body read (at most MAX_BODY_BYTES), or null when the body is longer. */
async function withBoundedBody(req: Request): Promise<Request | null> {
  if (req.method === 'GET' || req.method === 'HEAD' || !req.body) return req;
  const body = await readBounded(req);
  if (!body) return null;
  return new Request(req.url, { method: req.method, headers: req.headers, body: body.byteLength ? body : undefined, signal: req.signal });
}
