/**
 * Everything one emulator remembers between requests: the seeded world, OAuth tokens, rate-limit
 * windows, pending faults and the request log. `reset()` puts it back as it started.
 */
import { Faults } from './faults';
import { seedHardEdges } from './hard-edges';
import { seedOrganisations } from './orgs';
import { RateLimits } from './rate-limits';
import type { Urls } from './render';
import { RequestLog } from './request-log';
import { seedWorld, type World } from './seed';
import { Tokens } from './tokens';

export interface EmulatorOptions {
  /** Path prefix the emulator is served under, e.g. `/emulator`. REST lives at `${mount}/api`. */
  mount?: string;
  /** Public URL of the web side (authorize page, avatars, html_url); default: the request's origin + mount. */
  webUrl?: string;
  /** How long Starting, ShuttingDown and friends last. */
  transitionMs?: number;
  now?: () => number;
  /** OAuth apps: client id → secret. */
  clients?: Record<string, string>;
  /** Serve the test hooks under `${mount}/_emulator/`. */
  control?: boolean;
  /** Requests per user per hour. */
  rateLimit?: number;
}

export const DEFAULT_SCOPES = ['codespace', 'read:user', 'user:email'];

export class EmulatorState {
  readonly mount: string;
  readonly now: () => number;
  readonly clients: Record<string, string>;
  readonly tokens: Tokens;
  readonly rateLimits: RateLimits;
  readonly faults = new Faults();
  readonly log = new RequestLog();
  transitionMs: number;
  world: World;

  constructor(readonly options: EmulatorOptions) {
    this.mount = (options.mount ?? '').replace(/\/+$/, '');
    this.now = options.now ?? Date.now;
    this.clients = options.clients ?? { 'hangar-demo': 'hangar-demo-secret' };
    this.transitionMs = options.transitionMs ?? 3000;
    this.tokens = new Tokens(this.now);
    this.rateLimits = new RateLimits(options.rateLimit ?? 5000, this.now);
    this.world = this.freshWorld();
  }

  /** The seeded world: people, repositories, codespaces, and the organisations' owners and colleagues. */
  private freshWorld(): World {
    const seeded = seedWorld(this.now(), this.transitionMs);
    seedOrganisations(seeded, this.now());
    seedHardEdges(seeded, this.now());
    return seeded;
  }

  urlsFor(url: URL): Urls {
    return {
      api: `${url.origin}${this.mount}/api`,
      web: (this.options.webUrl ?? `${url.origin}${this.mount}`).replace(/\/+$/, ''),
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
