import 'server-only';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { RequestError } from '@octokit/request-error';
import { Octokit } from '@octokit/rest';
import type { CallArgs } from '@/lib/transport/transport';
import type { Validation } from '@/lib/github/allowlist.server';
import type { ResponseOf } from '@/lib/github/operation';
import { octokitLog } from '@/lib/server/log.server';
import type { GithubAppAuth } from './app-auth.server';
import { isOrgRoute, isWithinOrganisation } from './domain/org-scope';
import type { InstallationTokens } from './installation-tokens.server';
import type { OrgOperation } from './operations';

/**
 * A GitHub client for one organisation, acting as Hangar's GitHub App installed there: what the
 * policies use while nobody is signed in. It holds no person's token and takes none: it asks for
 * an installation token (installation-tokens.server.ts) and calls the organisation's own
 * endpoints, `/orgs/{org}/…`, and nothing else. Anything else is refused before a request leaves,
 * on the operation's route and again on the final URL.
 */

/** The app is not installed on the organisation (or the installation was removed). */
export class AppNotInstalled extends Error {
  constructor(readonly org: string) {
    super(`Hangar's GitHub App is not installed on ${org}. An owner of ${org} can install it (README: Policies and audit).`);
    this.name = 'AppNotInstalled';
  }
}

/** A call outside the organisation's endpoints: refused in code, never sent. */
export class OutsideOrganisation extends Error {
  constructor(
    readonly org: string,
    what: string,
  ) {
    super(`Hangar's app acts on /orgs/${org}/… only; refused ${what}.`);
    this.name = 'OutsideOrganisation';
  }
}

interface InstallationAnswer<T> {
  status: number;
  data: T;
  headers: Record<string, string | number | undefined>;
}

export interface InstallationClient {
  readonly org: string;
  /**
   * One call to an organisation endpoint; GitHub's refusals (and a 304 to `ifNoneMatch`) throw
   * RequestError, as Octokit's do. A write (POST, PUT, PATCH, DELETE) is sent once, never retried.
   */
  request<O extends OrgOperation>(operation: O, args?: CallArgs<O> & { ifNoneMatch?: string }): Promise<InstallationAnswer<ResponseOf<O>>>;
  /** Every page of an organisation list (`{ total_count, codespaces: [...] }` answers), as one array. */
  all<O extends OrgOperation>(operation: O, args?: CallArgs<O>): Promise<ListItemsOf<ResponseOf<O>>>;
}

/** The items of a paged answer: an array, or GitHub's `{ total_count, <items>: [...] }`. */
type ListItemsOf<R> = R extends readonly (infer I)[] ? I[] : R extends { total_count: number } ? ItemsField<R> : never;
type ItemsField<R> = { [K in keyof R]: R[K] extends readonly (infer I)[] ? I[] : never }[Exclude<keyof R, 'total_count'>];

const InstallationOctokit = Octokit.plugin(retry, throttling);

const isRead = (method: string) => method.toUpperCase() === 'GET' || method.toUpperCase() === 'HEAD';

/** Waits longer than this are not worth a policy run's time: the run records GitHub's refusal instead. */
const MAX_RATE_LIMIT_WAIT_S = 60;

export interface InstallationClientOptions {
  org: string;
  apiUrl: string;
  app: GithubAppAuth;
  tokens: InstallationTokens;
  /** The proxy's rules, so a policy's calls are held to what a person's would be. */
  rulesOf: RulesOf;
  fetch?: typeof fetch;
}

/** The proxy's rules for an operation (lib/operations: `allowedOperation`), where it has them. */
export type RulesOf = (method: string, route: string) => Validation | undefined;

/** Checks a call's parameters as the proxy would (the same zod rules, where the operation has them). */
function validated<O extends OrgOperation>(org: string, operation: O, args: CallArgs<O>, rulesOf: RulesOf) {
  if (!isOrgRoute(operation.route)) throw new OutsideOrganisation(org, `${operation.method} ${operation.route}`);
  const params = { ...(args.params as Record<string, string | number> | undefined) };
  if (String(params.org ?? '').toLowerCase() !== org.toLowerCase()) {
    throw new OutsideOrganisation(org, `${operation.method} ${operation.route} for organisation ${String(params.org)}`);
  }
  const query = { ...(args.query as Record<string, string | number | undefined> | undefined) };
  const rules = rulesOf(operation.method, operation.route);
  if (!rules) return { params, query, body: args.body };
  // The proxy's rules read a URL's text: they are given the values as text.
  const asText = (values: Record<string, string | number | undefined>) =>
    Object.fromEntries(Object.entries(values).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])));
  return {
    params: rules.params.parse(asText(params)),
    query: rules.query.parse(asText(query)),
    body: rules.body ? rules.body.parse(args.body ?? {}) : args.body,
  };
}

export function installationClient({
  org,
  apiUrl,
  app,
  tokens,
  rulesOf,
  fetch: fetchImpl = globalThis.fetch,
}: InstallationClientOptions): InstallationClient {
  /** The last word before anything leaves: the final URL must be on this organisation's endpoints. */
  const guardedFetch: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!isWithinOrganisation(url, apiUrl, org)) return Promise.reject(new OutsideOrganisation(org, url));
    return fetchImpl(input, init);
  };

  // Reads: retried for GitHub's own trouble (5xx) only, and a rate limit waited out once.
  const reader = new InstallationOctokit({
    baseUrl: apiUrl,
    userAgent: 'Hangar',
    log: octokitLog,
    retry: { retries: 2 },
    request: { fetch: guardedFetch },
    throttle: {
      id: `hangar-app:${org.toLowerCase()}`,
      onRateLimit: (retryAfter, _options, _octokit, retryCount) => retryCount === 0 && retryAfter <= MAX_RATE_LIMIT_WAIT_S,
      onSecondaryRateLimit: (retryAfter, _options, _octokit, retryCount) => retryCount === 0 && retryAfter <= MAX_RATE_LIMIT_WAIT_S,
    } satisfies ThrottlingOptions,
  });
  // Writes: made once, with no plugin. A stop or delete that failed or timed out may have happened,
  // so the policy records GitHub's answer rather than asking twice; a rate limit is answered as it
  // is (the runner stops its writes), and the runner paces its writes itself (lib/policies/write-pacer.ts).
  const writer = new Octokit({ baseUrl: apiUrl, userAgent: 'Hangar', log: octokitLog, request: { fetch: guardedFetch } });

  async function installation(): Promise<number> {
    const id = await app.installationId(org);
    if (id === null) throw new AppNotInstalled(org);
    return id;
  }

  // Every request carries an installation token; one GitHub refuses (revoked, reinstalled) is
  // forgotten and the request tried once more with a new one.
  const authorise: Parameters<typeof writer.hook.wrap<'request'>>[1] = async (request, options) => {
    const id = await installation();
    const attempt = async () => {
      let token: string;
      try {
        token = await tokens.get(id);
      } catch (error) {
        // The installation is gone (the app was uninstalled since it was found).
        if (error instanceof RequestError && error.status === 404) {
          app.forgetInstallation(org);
          throw new AppNotInstalled(org);
        }
        throw error;
      }
      try {
        // In place: the hooks after this one were handed this very options object.
        options.headers.authorization = `token ${token}`;
        return await request(options);
      } catch (error) {
        if (error instanceof RequestError && error.status === 401) await tokens.forget(id, token);
        throw error;
      }
    };
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof RequestError && error.status === 401) return attempt();
      throw error;
    }
  };
  reader.hook.wrap('request', authorise);
  writer.hook.wrap('request', authorise);

  return {
    org,
    async request(operation, args = {}) {
      const { params, query, body } = validated(org, operation, args, rulesOf);
      const answer = await (isRead(operation.method) ? reader : writer).request(`${operation.method} ${operation.route}`, {
        ...query,
        ...params,
        ...(body === undefined ? {} : { data: body }),
        request: { signal: args.signal },
        // A conditional read: GitHub answers 304 (a RequestError to Octokit) when nothing changed.
        ...(args.ifNoneMatch ? { headers: { 'if-none-match': args.ifNoneMatch } } : {}),
      });
      return { status: answer.status, data: answer.data as never, headers: answer.headers };
    },
    async all(operation, args = {}) {
      const { params, query } = validated(org, operation, args, rulesOf);
      const items = await reader.paginate(`${operation.method} ${operation.route}`, {
        per_page: 100,
        ...query,
        ...params,
        request: { signal: args.signal },
      } as never);
      return items as never;
    },
  };
}
