/**
 * Who may use Codespaces billed to an organisation (`/orgs/{org}/codespaces/access`): nobody,
 * selected members, all members, or all members and outside collaborators. GitHub offers no
 * GET for this setting; the test hook `GET /_emulator/codespaces-access?org=` reads it back.
 */
import { route, type RestAnswer, type RestContext } from './api';
import { fail, readJson } from './http';
import type { CodespacesAccessRecord, CodespacesAccessVisibility } from './model';
import { ownedOrg } from './orgs';
import type { World } from './seed';

const VISIBILITIES: readonly CodespacesAccessVisibility[] = [
  'disabled',
  'selected_members',
  'all_members',
  'all_members_and_outside_collaborators',
];
/** GitHub's description: at most 100 usernames per request. */
const MAX_USERNAMES = 100;

export function codespacesAccess(world: World, org: string): CodespacesAccessRecord {
  let access = world.codespacesAccess.get(org);
  if (!access) {
    access = { visibility: 'disabled', selectedUsernames: [] };
    world.codespacesAccess.set(org, access);
  }
  return access;
}

async function readBody(ctx: RestContext, permitted: readonly string[]) {
  const body = await readJson(ctx.req);
  for (const key of Object.keys(body))
    if (!permitted.includes(key)) fail(422, `Invalid request.\n\n${JSON.stringify(key)} is not a permitted key.`);
  return body;
}

/**
 * `selected_usernames` as the organisation's members, with their logins as GitHub spells them;
 * 400 when any is neither a member nor a collaborator, as GitHub documents.
 */
function members(ctx: RestContext, org: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((name) => typeof name !== 'string'))
    fail(422, `Invalid request.\n\nFor 'properties/selected_usernames', ${JSON.stringify(value)} is not an array of strings.`);
  const names = value as string[];
  if (names.length > MAX_USERNAMES) fail(422, `Invalid request.\n\nselected_usernames can name at most ${MAX_USERNAMES} users.`);
  const logins = names.map((name) => {
    const user = [...ctx.world.users.values()].find((u) => u.login.toLowerCase() === name.toLowerCase() && u.orgs.includes(org));
    return user?.login;
  });
  if (logins.some((login) => login === undefined)) fail(400, 'Users are neither members nor collaborators of this organization.');
  return [...new Set(logins as string[])];
}

const noContent = (): RestAnswer => ({ status: 204, body: null });

route('PUT', '/orgs/{org}/codespaces/access', 'admin:org', async (ctx, p) => {
  const org = ownedOrg(ctx, p.org!).login;
  const body = await readBody(ctx, ['visibility', 'selected_usernames']);
  const visibility = body.visibility as CodespacesAccessVisibility;
  if (visibility === undefined) fail(422, `Invalid request.\n\n"visibility" wasn't supplied.`);
  if (!VISIBILITIES.includes(visibility))
    fail(422, `Invalid request.\n\nFor 'properties/visibility', ${JSON.stringify(visibility)} is not one of ${VISIBILITIES.join(', ')}.`);
  let selected: string[] = [];
  if (visibility === 'selected_members') {
    if (body.selected_usernames === undefined) fail(422, 'selected_usernames is required when visibility is selected_members.');
    selected = members(ctx, org, body.selected_usernames);
  } else if (body.selected_usernames !== undefined) {
    fail(422, 'selected_usernames can only be given when visibility is selected_members.');
  }
  ctx.world.codespacesAccess.set(org, { visibility, selectedUsernames: selected });
  return noContent();
});

/** Adding or removing members one by one is only for `selected_members` (422 otherwise). */
async function changeSelected(ctx: RestContext, orgLogin: string, change: (access: CodespacesAccessRecord, logins: string[]) => void) {
  const org = ownedOrg(ctx, orgLogin).login;
  const body = await readBody(ctx, ['selected_usernames']);
  if (body.selected_usernames === undefined) fail(422, `Invalid request.\n\n"selected_usernames" wasn't supplied.`);
  const logins = members(ctx, org, body.selected_usernames);
  const access = codespacesAccess(ctx.world, org);
  if (access.visibility !== 'selected_members')
    fail(422, "The organization's Codespaces access is not set to selected members; set it with PUT /orgs/{org}/codespaces/access.");
  change(access, logins);
  return noContent();
}

route('POST', '/orgs/{org}/codespaces/access/selected_users', 'admin:org', (ctx, p) =>
  changeSelected(ctx, p.org!, (access, logins) => {
    access.selectedUsernames = [...new Set([...access.selectedUsernames, ...logins])];
  }),
);

route('DELETE', '/orgs/{org}/codespaces/access/selected_users', 'admin:org', (ctx, p) =>
  changeSelected(ctx, p.org!, (access, logins) => {
    access.selectedUsernames = access.selectedUsernames.filter((login) => !logins.includes(login));
  }),
);

/** octo-org lets every member use Codespaces; acme-corp only some. */
export function seedCodespacesAccess(world: World) {
  world.codespacesAccess.set('octo-org', { visibility: 'all_members', selectedUsernames: [] });
  world.codespacesAccess.set('acme-corp', { visibility: 'selected_members', selectedUsernames: ['mona'] });
}
