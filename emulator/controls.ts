/**
 * Test hooks under `/_emulator/` (only when the emulator is created with `control: true`): reset,
 * faults, the request log, tokens (refresh tokens spent, tokens revoked), transition speed and
 * token lifetime, large fleets, a codespace's use (idle, stopped, with work not pushed), and reading back what GitHub offers no way to read (a secret's
 * value, an organisation's Codespaces access setting).
 */
import { codespacesAccess } from './access';
import { addFleet, MAX_FLEET } from './fleet';
import { FAULT_KINDS, isFaultKind, type FaultRule } from './faults';
import { jsonAnswer } from './http';
import { generateOrgFleet } from './orgs';
import { secretValue, type SecretPlace } from './secrets';
import type { EmulatorState } from './state';

async function readBody(req: Request): Promise<Record<string, unknown>> {
  try {
    return (await req.json()) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const noContent = () => new Response(null, { status: 204 });

export async function handleControl(state: EmulatorState, req: Request, url: URL, path: string): Promise<Response> {
  switch (`${req.method} ${path}`) {
    case 'POST /_emulator/reset':
      state.reset();
      return noContent();
    case 'POST /_emulator/faults': {
      const rule = (await readBody(req)) as unknown as FaultRule;
      if (typeof rule.path !== 'string') return jsonAnswer(400, { message: 'path (a regular expression) is required' });
      if (rule.kind !== undefined && !isFaultKind(rule.kind)) {
        return jsonAnswer(400, { message: `kind must be one of ${FAULT_KINDS.join(', ')}` });
      }
      try {
        state.faults.add(rule);
      } catch {
        return jsonAnswer(400, { message: 'path is not a valid regular expression' });
      }
      return jsonAnswer(201, { pending: state.faults.size });
    }
    case 'DELETE /_emulator/faults':
      state.faults.clear();
      return noContent();
    case 'GET /_emulator/faults':
      return jsonAnswer(200, { faults: state.faults.pending() });
    case 'GET /_emulator/log':
      return jsonAnswer(200, { entries: state.log.since(Number(url.searchParams.get('since')) || 0) });
    case 'POST /_emulator/settings': {
      const settings = await readBody(req);
      if (typeof settings.transitionMs === 'number' && settings.transitionMs >= 0) state.transitionMs = settings.transitionMs;
      // The lifetime of the user tokens GitHub Apps issue from now on, e.g. seconds for renewal tests.
      const lifetime = settings.tokenLifetimeS;
      if (lifetime !== undefined) {
        if (typeof lifetime !== 'number' || !Number.isInteger(lifetime) || lifetime < 1) {
          return jsonAnswer(400, { message: 'tokenLifetimeS must be a whole number of seconds, at least 1' });
        }
        for (const client of Object.values(state.clients)) if (client.expiring) client.expiring.accessS = lifetime;
      }
      return noContent();
    }
    case 'GET /_emulator/tokens':
      return jsonAnswer(200, { tokens: state.tokens.list() });
    case 'GET /_emulator/refresh-tokens':
      // Every refresh token issued and how many refresh requests presented it: a client that
      // renews correctly presents each exactly once.
      return jsonAnswer(200, { refreshTokens: state.tokens.refreshReport() });
    case 'GET /_emulator/revocations':
      return jsonAnswer(200, { revocations: state.tokens.revoked() });
    case 'POST /_emulator/tokens': {
      const { login, scopes } = await readBody(req);
      if (typeof login !== 'string' || !state.world.users.has(login)) return jsonAnswer(404, { message: 'No such demo user' });
      return jsonAnswer(201, { token: state.issueToken(login, Array.isArray(scopes) ? scopes.map(String) : undefined) });
    }
    case 'DELETE /_emulator/tokens':
      // As when a user revokes the app on github.com: every token (of `login`, if given) stops working.
      state.tokens.revoke(url.searchParams.get('login'));
      return noContent();
    case 'POST /_emulator/org-fleet': {
      // A large organisation for performance checks: { org, codespaces, members }.
      const { org, codespaces, members } = await readBody(req);
      const count = Number(codespaces);
      const people = Number(members);
      if (typeof org !== 'string' || !state.world.orgs.has(org)) return jsonAnswer(404, { message: 'No such organisation' });
      if (!Number.isInteger(count) || count < 0 || count > 20_000 || !Number.isInteger(people) || people < 1 || people > 5_000) {
        return jsonAnswer(400, { message: 'codespaces (0–20,000) and members (1–5,000) must be whole numbers' });
      }
      generateOrgFleet(state.world, state.now(), org, count, people);
      return jsonAnswer(201, { org, codespaces: count, members: people });
    }
    case 'POST /_emulator/codespace-usage': {
      // What its owner's use would leave behind: { name, lastUsedMinutesAgo?, state?: 'Available' | 'Shutdown', unpushed? }.
      const { name, lastUsedMinutesAgo, state: wanted, unpushed } = await readBody(req);
      const codespace = typeof name === 'string' ? state.world.codespaces.get(name) : undefined;
      if (!codespace) return jsonAnswer(404, { message: 'No such codespace' });
      if (lastUsedMinutesAgo !== undefined && (typeof lastUsedMinutesAgo !== 'number' || lastUsedMinutesAgo < 0))
        return jsonAnswer(400, { message: 'lastUsedMinutesAgo must be a number of minutes, at least 0' });
      if (wanted !== undefined && wanted !== 'Available' && wanted !== 'Shutdown')
        return jsonAnswer(400, { message: 'state must be Available or Shutdown' });
      const now = state.now();
      if (typeof lastUsedMinutesAgo === 'number') codespace.lastUsedAt = now - lastUsedMinutesAgo * 60_000;
      if (wanted) {
        codespace.state = wanted;
        codespace.schedule = [];
        codespace.stoppedAt = wanted === 'Shutdown' ? codespace.lastUsedAt : null;
      }
      if (typeof unpushed === 'boolean')
        codespace.git = unpushed
          ? { ...codespace.git, ahead: Math.max(1, codespace.git.ahead), has_unpushed_changes: true }
          : { ...codespace.git, ahead: 0, has_unpushed_changes: false, has_uncommitted_changes: false };
      codespace.updatedAt = now;
      return noContent();
    }
    case 'POST /_emulator/fleet': {
      // A large fleet for one user (created if new), for benchmarks and scale tests.
      const { login, count } = await readBody(req);
      if (typeof login !== 'string' || !/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(login)) {
        return jsonAnswer(400, { message: 'login is required' });
      }
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_FLEET) {
        return jsonAnswer(400, { message: `count must be a whole number from 1 to ${MAX_FLEET}` });
      }
      return jsonAnswer(201, addFleet(state.world, state.now(), { login, count }));
    }
    case 'GET /_emulator/secrets': {
      // The value GitHub holds for a secret: ?scope=user&owner=mona&name=X, scope=repo&owner=&repo=, or scope=org&owner=.
      const place = secretPlace(state, url.searchParams);
      const name = url.searchParams.get('name');
      if (!place || !name) return jsonAnswer(400, { message: 'scope (user, repo or org), owner, name and, for repo, repo are required' });
      const value = secretValue(state.world, place, name);
      return value === undefined ? jsonAnswer(404, { message: 'No such secret' }) : jsonAnswer(200, { value });
    }
    case 'GET /_emulator/codespaces-access': {
      const org = url.searchParams.get('org');
      if (!org || !state.world.orgs.has(org)) return jsonAnswer(404, { message: 'No such organisation' });
      const access = codespacesAccess(state.world, org);
      return jsonAnswer(200, { visibility: access.visibility, selected_usernames: access.selectedUsernames });
    }
    default:
      return jsonAnswer(404, { message: 'Not Found' });
  }
}

function secretPlace(state: EmulatorState, query: URLSearchParams): SecretPlace | null {
  const owner = query.get('owner');
  if (!owner) return null;
  switch (query.get('scope')) {
    case 'user':
      return { kind: 'user', login: owner };
    case 'org':
      return { kind: 'org', org: owner };
    case 'repo': {
      const name = query.get('repo');
      const repo = [...state.world.repos.values()].find((r) => r.owner === owner && r.name === name);
      // A repository that does not exist has no secrets: a place nothing is stored in.
      return name ? { kind: 'repo', repoId: repo?.id ?? -1 } : null;
    }
    default:
      return null;
  }
}
