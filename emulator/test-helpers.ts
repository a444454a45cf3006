/**
 * Shared by emulator.test.ts and contract.test.ts: an emulator on a fake clock, and a small
 * client that talks to it through `handle(Request)`, as Octokit would over HTTP.
 */
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { components } from '@octokit/openapi-types';
import sodium from 'libsodium-wrappers';
import { beforeAll, beforeEach } from 'vitest';
import { restRoutes } from './api';
import { createEmulator, type Emulator, type EmulatorOptions } from './index';
import { appRoutes } from './installations';
import { RULES, type RuleId } from './rules';
import { DEFAULT_SCOPES } from './state';

export type Codespace = components['schemas']['codespace'];
export type CodespaceState = Codespace['state'];
export type CodespaceList = { total_count: number; codespaces: Codespace[] };
export type CodespaceExport = components['schemas']['codespace-export-details'];
export type Machines = { total_count: number; machines: components['schemas']['codespace-machine'][] };
export type BasicError = components['schemas']['basic-error'];
export type FullRepository = components['schemas']['full-repository'];
export type PullRequestSimple = components['schemas']['pull-request-simple'];
export type PublicKey = components['schemas']['codespaces-public-key'];
export type SecretList<T = components['schemas']['codespaces-secret']> = { total_count: number; secrets: T[] };
export type RepositoryList = { total_count: number; repositories: components['schemas']['minimal-repository'][] };

/** The origin every test request goes to; the emulator builds absolute URLs (Link, url, web_url) from it. */
export const ORIGIN = 'http://gh.test';
/** When the fake clock starts: a fixed moment, so seeded "3 minutes ago" times are reproducible. */
const T0 = Date.parse('2026-12-01T12:00:00Z');
export const TRANSITION_MS = 1000;

interface ApiInit {
  method?: string;
  /** Sign the request with a token for this demo user (default mona); `null` sends no Authorization. */
  as?: string | null;
  /** An explicit token, instead of one issued for `as`. */
  token?: string;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** The parsed JSON body; `null` when the body is empty. */
  body: T;
  text: string;
}

export interface Harness {
  emulator: Emulator;
  clock: { readonly now: number; advance(ms: number): void };
  /** A token for `login` (with `scopes`, or the default ones), issued once and reused (a fresh one after `emulator.reset()`). */
  token(login?: string, scopes?: string[]): string;
  /**
   * A new token for `login` with Hangar's scopes and `repo`, as after the repository consent: what
   * reads a private repository's own endpoints (`oauth-no-repo-*` in rules.ts).
   */
  repoToken(login?: string): string;
  /** A REST call: `path` is relative to `/api` (e.g. `/user/codespaces`), or an absolute URL. */
  api<T = unknown>(path: string, init?: ApiInit): Promise<ApiResponse<T>>;
  /** A raw request to the web side (OAuth pages, test hooks), relative to the origin. */
  web(path: string, init?: RequestInit): Promise<Response>;
  /** Every codespace `login` owns, in the API's order. */
  codespacesOf(login?: string): Promise<Codespace[]>;
  /** The one codespace of `login` matching `predicate`; fails loudly if there is none. */
  codespace(predicate: (cs: Codespace) => boolean, login?: string): Promise<Codespace>;
}

/** Every REST operation the emulator implements, as `METHOD /template` (for contract tests). */
export function implementedOperations(): string[] {
  return [...restRoutes.list(), ...appRoutes.list()].map((r) => `${r.method} ${r.template}`);
}

/**
 * A fresh emulator for each test of the enclosing `describe` (or file): what is returned speaks to
 * the current test's, so one test's changes never reach the next.
 */
export function setupEach(options: EmulatorOptions = {}): Harness {
  return setupBefore(beforeEach, options);
}

/** One emulator for all the tests of the enclosing `describe`, set up before the first. */
export function setupOnce(options: EmulatorOptions = {}): Harness {
  return setupBefore(beforeAll, options);
}

function setupBefore(hook: typeof beforeAll, options: EmulatorOptions): Harness {
  let current: Harness | undefined;
  hook(() => {
    current = setup(options);
  });
  return new Proxy({} as Harness, {
    get(_, key) {
      if (!current) throw new Error('The emulator is set up before the tests: use it inside one');
      return Reflect.get(current, key);
    },
  });
}

export function setup(options: EmulatorOptions = {}): Harness {
  let now = T0;
  const emulator = createEmulator({ transitionMs: TRANSITION_MS, now: () => now, ...options });
  let tokens = new Map<string, string>();
  let issuedFor: unknown = null;

  const token = (login = 'mona', scopes?: string[]) => {
    // reset() forgets every token: notice, and issue new ones.
    if (issuedFor !== emulator.world) {
      tokens = new Map();
      issuedFor = emulator.world;
    }
    const key = scopes ? `${login} ${scopes.join(' ')}` : login;
    let value = tokens.get(key);
    if (!value) {
      value = emulator.issueToken(login, scopes);
      tokens.set(key, value);
    }
    return value;
  };

  async function api<T = unknown>(path: string, init: ApiInit = {}): Promise<ApiResponse<T>> {
    const headers = new Headers({ accept: 'application/vnd.github+json', ...init.headers });
    const as = init.as === undefined ? 'mona' : init.as;
    const auth = init.token ?? (as === null ? null : token(as));
    if (auth) headers.set('authorization', `token ${auth}`);
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    const url = /^https?:/.test(path) ? path : `${ORIGIN}${options.mount ?? ''}/api${path}`;
    const response = await emulator.handle(
      new Request(url, {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
    );
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T, text };
  }

  const web = (path: string, init?: RequestInit) => emulator.handle(new Request(`${ORIGIN}${options.mount ?? ''}${path}`, init));

  async function codespacesOf(login = 'mona') {
    const { status, body } = await api<CodespaceList>('/user/codespaces?per_page=100', { as: login });
    if (status !== 200) throw new Error(`Listing ${login}'s codespaces answered ${status}`);
    return body.codespaces;
  }

  async function codespace(predicate: (cs: Codespace) => boolean, login = 'mona') {
    const found = (await codespacesOf(login)).find(predicate);
    if (!found) throw new Error(`${login} has no codespace matching ${predicate.toString()}`);
    return found;
  }

  return {
    emulator,
    clock: {
      get now() {
        return now;
      },
      advance(ms: number) {
        now += ms;
      },
    },
    token,
    repoToken: (login = 'mona') => emulator.issueToken(login, [...DEFAULT_SCOPES, 'repo']),
    api,
    web,
    codespacesOf,
    codespace,
  };
}

/** Parses a `Link` header into rel → absolute URL. */
export function links(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(',')) {
    const match = /<([^>]+)>;\s*rel="([^"]+)"/.exec(part.trim());
    if (match) out[match[2]!] = match[1]!;
  }
  return out;
}

/** The value, or a failure naming what was missing (for `find` results under noUncheckedIndexedAccess). */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Expected ${what}`);
  return value;
}

/** A JSON Schema or OpenAPI schema object, as read from the description. */
export type JsonSchema = { [key: string]: unknown };

export interface OpenApiResponse {
  $ref?: string;
  description?: string;
  content?: Record<string, { schema?: JsonSchema }>;
}

export interface OpenApiOperation {
  operationId?: string;
  responses: Record<string, OpenApiResponse>;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema>; responses: Record<string, OpenApiResponse> };
}

/**
 * GitHub's OpenAPI description of api.github.com (~13 MB), read as JSON. Never `require` the
 * package itself: its index loads every description, hundreds of megabytes.
 */
export function loadOpenApi(): OpenApiDocument {
  const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

/** Seals `value` for a base64 public key as a GitHub client does (libsodium's crypto_box_seal), as base64. */
export async function seal(value: string, publicKeyBase64: string): Promise<string> {
  await sodium.ready;
  const key = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL);
  return sodium.to_base64(sodium.crypto_box_seal(value, key), sodium.base64_variants.ORIGINAL);
}

/**
 * Marks the test it is called in as a case of rules of emulator/rules.ts, by id, as its first line:
 * `caseOf('conditional.304-fields');`. emulator/rules.test.ts reads the test files for these, and
 * fails for a rule that no case names.
 */
export function caseOf(...ids: [RuleId, ...RuleId[]]): void {
  const unknown = ids.filter((id) => !RULES.some((rule) => rule.id === id));
  if (unknown.length) throw new Error(`No rule ${unknown.join(', ')} in emulator/rules.ts`);
}

const unescapeHtml = (value: string) =>
  value.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);

/**
 * Answers the emulator's authorize page as a browser would: opens it with `query` (which gives
 * this browser its CSRF token, as a cookie and a form field), then submits the page's own form
 * with `choice` (`{ login }` to approve as that account, `{ decision: 'deny' }` to refuse). Answers
 * the page itself when it is not a form (an unknown client, a redirect_uri mismatch). `web` sends
 * a request to the emulator's web side by path, without following redirects.
 */
export async function approveAuthorization(
  web: (path: string, init?: RequestInit) => Promise<Response>,
  query: Record<string, string>,
  choice: { login: string } | { decision: 'deny' },
): Promise<Response> {
  const page = await web(`/login/oauth/authorize?${new URLSearchParams(query)}`);
  if (page.status !== 200) return page;
  const html = await page.text();
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    form.append(unescapeHtml(name!), unescapeHtml(value!));
  }
  const cookie = page.headers.get('set-cookie')?.split(';')[0] ?? '';
  for (const [key, value] of Object.entries(choice)) form.set(key, value);
  // The form posts back to the page's own path.
  return web('/login/oauth/authorize', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: form.toString(),
    redirect: 'manual',
  });
}

/** An RSA key pair for a test GitHub App (made once: 2048-bit keys take a while). */
let appKeyPair: { publicKey: KeyObject; privateKey: KeyObject } | undefined;
export function testAppKeys() {
  appKeyPair ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
  return appKeyPair;
}

/** A GitHub App's JWT, signed as GitHub asks (RS256), with whatever claims and header a test needs. */
export function signAppJwt(
  privateKey: KeyObject,
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT' },
) {
  const encode = (part: Record<string, unknown>) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const input = `${encode(header)}.${encode(claims)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url');
  return `${input}.${signature}`;
}
