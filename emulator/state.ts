/**
 * Everything one emulator remembers between requests: the seeded world, OAuth tokens, rate-limit
 * windows, pending faults and the request log. `reset()` puts it back as it started.
 */
import { seedCodespacesAccess } from './access';
import { Faults } from './faults';
import { seedHardEdges } from './hard-edges';
import { registerApps, type AppRecord, type AppRegistration, type InstallationRecord } from './github-apps';
import { seedOrganisations } from './orgs';
import { RateLimits } from './rate-limits';
import type { Urls } from './render';
import { RequestLog } from './request-log';
import { seedSecrets } from './secrets';
import { seedWorld, type World } from './seed';
import { Tokens } from './tokens';

/** A part of the emulator's HTTP surface (REST, web pages): a request, and who signed it, if anyone. */
export type SurfaceHandler = (
  state: EmulatorState,
  req: Request,
  url: URL,
  path: string,
  who: { login: string | null },
) => Promise<Response>;

export interface EmulatorOptions {
  /** Path prefix the emulator is served under, e.g. `/emulator`. REST lives at `${mount}/api`. */
  mount?: string;
  /** Public URL of the web side (authorize page, avatars, html_url); default: the request's origin + mount. */
  webUrl?: string;
  /**
   * Where an app that serves the emulator itself reaches it over loopback (`origin`), and the web
   * URL its browsers know (`webUrl`): answers to loopback requests link there, as GitHub's links are
   * always on its one public web host, never on an address only the app's server can reach.
   */
  loopback?: { origin: string; webUrl: string };
  /** How long Starting, ShuttingDown and friends last. */
  transitionMs?: number;
  now?: () => number;
  /**
   * The apps that may sign users in: client id → secret (an OAuth App, whose tokens never expire,
   * with the default callback URL), or `{ secret, githubApp, callbackUrl }`; `githubApp` makes it a
   * GitHub App with expiring user tokens (`ghu_`, renewed with `ghr_`).
   */
  clients?: Record<string, string | ClientOptions>;
  /** Serve the test hooks under `${mount}/_emulator/`. */
  control?: boolean;
  /** Requests per user per hour. */
  rateLimit?: number;
  /** GitHub Apps that act on organisations: their id, public key and installations (installations.ts). */
  githubApps?: AppRegistration[];
}

interface ClientOptions {
  secret: string;
  /** A GitHub App with "expire user authorization tokens" on; omitted: an OAuth App. */
  githubApp?: { tokenLifetimeS?: number; refreshTokenLifetimeS?: number };
  /**
   * The app's registered "Authorization callback URL": an absolute URL, or a path on the origin
   * the emulator is reached at (demo mode serves it on the app's own origin). Default
   * DEFAULT_CALLBACK_URL.
   */
  callbackUrl?: string;
}

/** A registered app as the emulator keeps it. */
export interface ClientApp {
  secret: string;
  /** Lifetimes of a GitHub App's user tokens; null for an OAuth App (tokens never expire). */
  expiring: { accessS: number; refreshS: number } | null;
  callbackUrl: string;
}

/** The demo app's callback, next-auth's for its GitHub provider, on the emulator's own origin. */
const DEFAULT_CALLBACK_URL = '/api/auth/callback/github';

export const DEFAULT_SCOPES = ['codespace', 'read:user', 'user:email'];
/** GitHub's defaults for a GitHub App's user tokens: 8 hours, and about six months for the refresh token. */
const GITHUB_APP_TOKEN_LIFETIME_S = 8 * 60 * 60;
const GITHUB_APP_REFRESH_TOKEN_LIFETIME_S = 15_811_200;

function clientApps(clients: Record<string, string | ClientOptions>): Record<string, ClientApp> {
  const apps: Record<string, ClientApp> = {};
  for (const [id, client] of Object.entries(clients)) {
    if (typeof client === 'string') apps[id] = { secret: client, expiring: null, callbackUrl: DEFAULT_CALLBACK_URL };
    else
      apps[id] = {
        secret: client.secret,
        callbackUrl: client.callbackUrl ?? DEFAULT_CALLBACK_URL,
        expiring: client.githubApp
          ? {
              accessS: client.githubApp.tokenLifetimeS ?? GITHUB_APP_TOKEN_LIFETIME_S,
              refreshS: client.githubApp.refreshTokenLifetimeS ?? GITHUB_APP_REFRESH_TOKEN_LIFETIME_S,
            }
          : null,
      };
  }
  return apps;
}

export class EmulatorState {
  readonly mount: string;
  readonly now: () => number;
  readonly clients: Record<string, ClientApp>;
  readonly tokens: Tokens;
  readonly rateLimits: RateLimits;
  readonly faults = new Faults();
  readonly log = new RequestLog();
  transitionMs: number;
  world: World;
  /** GitHub Apps by id, and their installations by id: as registered, whatever happens to the world. */
  readonly apps: Map<number, AppRecord>;
  readonly installations: Map<number, InstallationRecord>;

  constructor(readonly options: EmulatorOptions) {
    this.mount = (options.mount ?? '').replace(/\/+$/, '');
    this.now = options.now ?? Date.now;
    this.clients = clientApps(options.clients ?? { 'hangar-demo': 'hangar-demo-secret' });
    this.transitionMs = options.transitionMs ?? 3000;
    this.tokens = new Tokens(this.now);
    this.rateLimits = new RateLimits(options.rateLimit ?? 5000, this.now);
    this.world = this.freshWorld();
    ({ apps: this.apps, installations: this.installations } = registerApps(options.githubApps ?? [], this.world.orgs, this.now()));
  }

  /** The seeded world: people, repositories, codespaces, the organisations' owners and colleagues, secrets and access settings. */
  private freshWorld(): World {
    const seeded = seedWorld(this.now(), this.transitionMs);
    seedOrganisations(seeded, this.now());
    seedSecrets(seeded, this.now());
    seedCodespacesAccess(seeded);
    seedHardEdges(seeded, this.now());
    return seeded;
  }

  urlsFor(url: URL): Urls {
    return {
      api: `${url.origin}${this.mount}/api`,
      web: (
        this.options.webUrl ??
        (this.options.loopback && url.origin === this.options.loopback.origin ? this.options.loopback.webUrl : `${url.origin}${this.mount}`)
      ).replace(/\/+$/, ''),
    };
  }

  /** Applies every scheduled state change that is due: state moves lazily, when someone looks. */
  settle(at: number) {
    for (const cs of this.world.codespaces.values()) {
      while (cs.schedule.length && cs.schedule[0]!.at <= at) {
        const next = cs.schedule.shift()!;
        cs.state = next.state;
        cs.updatedAt = next.at;
      }
      for (const ex of cs.exports) {
        if (!ex.applied && ex.doneAt <= at) {
          ex.applied = true;
          // The export pushed everything to its branch: nothing is at risk any more.
          cs.git = { ref: ex.branch, ahead: 0, behind: 0, has_unpushed_changes: false, has_uncommitted_changes: false };
        }
      }
    }
  }

  /** A token for `login`, as if it had signed in (tests and benchmarks). */
  issueToken(login: string, scopes = DEFAULT_SCOPES): string {
    if (!this.world.users.has(login)) throw new Error(`No demo user ${login}`);
    return this.tokens.issue(login, scopes);
  }

  reset() {
    this.world = this.freshWorld();
    this.tokens.clear();
    this.rateLimits.clear();
    this.faults.clear();
    this.log.clear();
  }
}
