/**
 * Test hooks under `/_emulator/` (only when the emulator is created with `control: true`): reset,
 * faults, the request log, tokens, transition speed and large fleets.
 */
import { addFleet, MAX_FLEET } from './fleet';
import { FAULT_KINDS, isFaultKind, type FaultRule } from './faults';
import { jsonAnswer } from './http';
import { generateOrgFleet } from './orgs';
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
      return noContent();
    }
    case 'GET /_emulator/tokens':
      return jsonAnswer(200, { tokens: state.tokens.list() });
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
    default:
      return jsonAnswer(404, { message: 'Not Found' });
  }
}
