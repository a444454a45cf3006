/**
 * GitHub Apps acting on organisations, as GitHub documents them: the app signs a JWT with its
 * private key (RS256; `iss` its app id; `iat`, `exp` at most ten minutes on), which GitHub checks
 * with the public key registered for the app; with it, the app finds its installation on an
 * organisation (`GET /orgs/{org}/installation`) and takes an installation token
 * (`POST /app/installations/{installation_id}/access_tokens`): `ghs_…`, valid for an hour, with
 * the installation's permissions. An installation token reaches what those permissions allow on
 * the installation's organisation, and nothing of any user's (`/user/…`).
 *
 * Sources:
 * - JWT: https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app
 * - installation tokens: https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app
 * - the endpoints: https://docs.github.com/en/rest/apps/apps#get-an-organization-installation-for-the-authenticated-app
 *   and https://docs.github.com/en/rest/apps/apps#create-an-installation-access-token-for-an-app
 * - permissions of the organisation endpoints: https://docs.github.com/en/rest/codespaces/organizations
 *   ("Fine-grained access tokens for …" on each operation)
 */
import { verify } from 'node:crypto';
import { errorBody, fail, HttpError, jsonAnswer, readJson, requestId } from './http';
import type { Access, AppRecord, InstallationGrant, InstallationRecord, Permissions } from './github-apps';
import * as render from './render';
import { Router } from './router';
import type { EmulatorState } from './state';

/** Installation tokens live an hour, as GitHub's do. */
const INSTALLATION_TOKEN_LIFETIME_S = 60 * 60;
/** GitHub refuses a JWT that expires more than ten minutes on. */
const MAX_JWT_LIFETIME_S = 10 * 60;
/**
 * GitHub allows for clocks that drift a little (its docs suggest setting `iat` 60 seconds in the
 * past for that reason): a JWT issued up to a minute "in the future", or expiring up to a minute
 * past the ten, still passes.
 */
const CLOCK_DRIFT_S = 60;

// ---------- the app's JWT ----------

const NOT_DECODED = 'A JSON web token could not be decoded';

function decodePart(part: string | undefined): Record<string, unknown> | null {
  if (!part) return null;
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The app a JWT proves to be, or GitHub's 401 saying what is wrong with it. */
function appOfJwt(state: EmulatorState, jwt: string): AppRecord {
  const parts = jwt.split('.');
  const header = decodePart(parts[0]);
  const claims = decodePart(parts[1]);
  if (parts.length !== 3 || !header || !claims || header.alg !== 'RS256') fail(401, NOT_DECODED);
  const iss = claims!.iss;
  const app =
    typeof iss === 'number' || (typeof iss === 'string' && /^\d+$/.test(iss))
      ? state.apps.get(Number(iss))
      : [...state.apps.values()].find((a) => a.clientId === iss);
  // Unknown issuer: nothing to check the signature with.
  if (!app) fail(401, NOT_DECODED);
  const signed = verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), app!.publicKey, Buffer.from(parts[2]!, 'base64url'));
  if (!signed) fail(401, NOT_DECODED);
  const now = Math.floor(state.now() / 1000);
  const { iat, exp } = claims!;
  if (typeof iat !== 'number' || !Number.isInteger(iat) || iat > now + CLOCK_DRIFT_S)
    fail(401, "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued");
  if (typeof exp !== 'number' || !Number.isInteger(exp) || exp <= now)
    fail(401, "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires");
  if ((exp as number) > now + MAX_JWT_LIFETIME_S + CLOCK_DRIFT_S) fail(401, "'Expiration time' claim ('exp') is too far in the future");
  return app!;
}

// ---------- what an installation token may do ----------

/**
 * The organisation endpoints an installation token may call, and the permission each needs
 * (GitHub's "Fine-grained access tokens" section of each operation). There is no organisation
 * endpoint to start or export a member's codespace: only its owner can, with their own token.
 */
const INSTALLATION_ROUTES: Record<string, { permission: string; access: Access }> = {
  'GET /orgs/{org}/codespaces': { permission: 'organization_codespaces', access: 'read' },
  'GET /orgs/{org}/members/{username}/codespaces': { permission: 'organization_codespaces', access: 'read' },
  'POST /orgs/{org}/members/{username}/codespaces/{codespace_name}/stop': { permission: 'codespaces_lifecycle_admin', access: 'write' },
  'DELETE /orgs/{org}/members/{username}/codespaces/{codespace_name}': { permission: 'organization_codespaces', access: 'write' },
  // "Administration" organisation permissions (read):
  // https://docs.github.com/en/rest/billing/enhanced-billing#get-billing-usage-report-for-an-organization
  'GET /organizations/{org}/settings/billing/usage': { permission: 'organization_administration', access: 'read' },
};

const NOT_ACCESSIBLE = 'Resource not accessible by integration';

const grants = (held: Access | undefined, needed: Access) => held === 'write' || (held === 'read' && needed === 'read');

/**
 * Null when the installation token may make this call; GitHub's 403 otherwise: on anything of a
 * user's (`/user/…`), on an endpoint the app has no permission for, and on another organisation.
 */
export function installationRefusal(grant: InstallationGrant, method: string, template: string, params: Record<string, string>) {
  const rule = INSTALLATION_ROUTES[`${method} ${template}`];
  if (!rule) return new HttpError(403, NOT_ACCESSIBLE);
  if (!grants(grant.permissions[rule.permission], rule.access)) {
    return new HttpError(403, NOT_ACCESSIBLE, {}, { 'x-accepted-github-permissions': `${rule.permission}=${rule.access}` });
  }
  if (params.org?.toLowerCase() !== grant.org.toLowerCase()) return new HttpError(403, NOT_ACCESSIBLE);
  return null;
}

// ---------- the app's own endpoints (JWT) ----------

interface AppContext {
  state: EmulatorState;
  app: AppRecord;
  req: Request;
  url: URL;
}

type AppHandler = (ctx: AppContext, params: Record<string, string>) => Promise<Response> | Response;

/** The endpoints an app calls as itself, with its JWT (not with a token). */
export const appRoutes = new Router<{ method: string; template: string; handler: AppHandler }>();

function appRoute(method: string, template: string, handler: AppHandler) {
  appRoutes.add(method, template, { method, template, handler });
}

function installationBody(ctx: AppContext, installation: InstallationRecord) {
  const urls = ctx.state.urlsFor(ctx.url);
  const org = ctx.state.world.orgs.get(installation.org);
  const at = new Date(installation.createdAt).toISOString();
  return {
    id: installation.id,
    account: render.simpleUser(urls, { login: installation.org, id: org?.id ?? 0, type: 'Organization' }),
    repository_selection: 'all',
    access_tokens_url: `${urls.api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url: `${urls.web}/organizations/${installation.org}/settings/installations/${installation.id}`,
    app_id: ctx.app.id,
    client_id: ctx.app.clientId,
    app_slug: ctx.app.slug,
    target_id: org?.id ?? 0,
    target_type: 'Organization',
    permissions: installation.permissions,
    events: [],
    created_at: at,
    updated_at: at,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}

appRoute('GET', '/orgs/{org}/installation', (ctx, p) => {
  const installation = [...ctx.state.installations.values()].find(
    (i) => i.appId === ctx.app.id && i.org.toLowerCase() === p.org!.toLowerCase(),
  );
  if (!installation) fail(404, 'Not Found');
  return jsonAnswer(200, installationBody(ctx, installation!));
});

appRoute('POST', '/app/installations/{installation_id}/access_tokens', async (ctx, p) => {
  const installation = ctx.state.installations.get(Number(p.installation_id));
  if (!installation || installation.appId !== ctx.app.id || !/^\d+$/.test(p.installation_id!)) fail(404, 'Not Found');
  const body = await readJson(ctx.req);
  if (body.repositories !== undefined || body.repository_ids !== undefined)
    fail(422, 'The emulator does not narrow installation tokens to repositories: its installations act on organisations.');
  // A token may have fewer permissions than the installation, never more.
  let permissions = installation!.permissions;
  if (body.permissions !== undefined) {
    const asked = body.permissions as Record<string, unknown>;
    if (typeof asked !== 'object' || asked === null || Array.isArray(asked)) fail(422, 'Invalid request.');
    const narrowed: Permissions = {};
    for (const [name, access] of Object.entries(asked)) {
      if ((access !== 'read' && access !== 'write') || !grants(installation!.permissions[name], access))
        fail(422, 'The permissions requested are not granted to this installation.');
      narrowed[name] = access as Access;
    }
    permissions = narrowed;
  }
  const expiresAt = ctx.state.now() + INSTALLATION_TOKEN_LIFETIME_S * 1000;
  const token = ctx.state.tokens.issueInstallation(
    ctx.app.bot.login,
    { installationId: installation!.id, org: installation!.org, permissions },
    expiresAt,
  );
  // GitHub writes the expiry to the second.
  const expires = new Date(Math.floor(expiresAt / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  return jsonAnswer(201, { token, expires_at: expires, permissions, repository_selection: 'all' });
});

/** Answers an app's own endpoint: the JWT first, then the operation. */
export async function handleAppRoute(
  state: EmulatorState,
  req: Request,
  url: URL,
  route: { entry: { handler: AppHandler }; params: Record<string, string> },
  jwt: string | null,
  who: { login: string | null },
): Promise<Response> {
  try {
    if (!jwt) fail(401, 'A JSON web token could not be decoded');
    const app = appOfJwt(state, jwt!);
    who.login = `app:${app.slug}`;
    return await route.entry.handler({ state, app, req, url }, route.params);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return jsonAnswer(error.status, errorBody(error.status, error.message, error.extra), { 'x-github-request-id': requestId() });
  }
}
