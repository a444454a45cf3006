/**
 * GitHub's Codespaces secrets, in its three places: the signed-in user's (`/user/codespaces/secrets`),
 * a repository's (`/repos/{owner}/{repo}/codespaces/secrets`, for its admins) and an organisation's
 * (`/orgs/{org}/codespaces/secrets`, for its owners). Each place has its own key pair; a client
 * seals a value with the public key and the emulator opens it with the private one, refusing what
 * does not open, as GitHub does. The opened values stay in the emulator's memory (it plays GitHub)
 * and are never answered back; only the test hook `GET /_emulator/secrets` reads one.
 */
import { ok, route, type RestAnswer, type RestContext } from './api';
import { errorBody, fail, paginate, readJson } from './http';
import type { RepoRecord, SecretRecord, SecretScopeRecord } from './model';
import { ownedOrg } from './orgs';
import { administers } from './permissions';
import * as render from './render';
import { findRepo } from './rest';
import { newKeyPair, openSealedBox } from './sealed-box';
import type { World } from './seed';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** GitHub's limits: 100 secrets per place, 48 KB per value. */
const MAX_SECRETS = 100;
const MAX_VALUE_BYTES = 48 * 1024;
/** The pattern GitHub's description gives `encrypted_value`: base64, standard alphabet, padded. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/;
/** GitHub's answer to a value that does not open with the key it names. */
const IMPROPERLY_ENCRYPTED = 'Bad request - validation failed due to an improperly encrypted secret';

/** What is wrong with a secret name under GitHub's documented rules, or null. */
function secretNameProblem(name: string): string | null {
  if (!/^[A-Za-z0-9_]+$/.test(name))
    return 'Secret names can only contain alphanumeric characters ([a-z], [A-Z], [0-9]) or underscores (_). Spaces are not allowed.';
  if (/^[0-9]/.test(name)) return 'Secret names must not start with a number.';
  if (/^GITHUB_/i.test(name)) return 'Secret names must not start with the GITHUB_ prefix.';
  return null;
}

// ---------- where secrets live ----------

export type SecretPlace = { kind: 'user'; login: string } | { kind: 'repo'; repoId: number } | { kind: 'org'; org: string };

const placeKey = (place: SecretPlace) =>
  place.kind === 'user' ? `user:${place.login}` : place.kind === 'repo' ? `repo:${place.repoId}` : `org:${place.org}`;

/** A place's key pair and secrets; the key pair is made the first time anyone needs it. */
function secretScope(world: World, place: SecretPlace): SecretScopeRecord {
  const key = placeKey(place);
  let scope = world.secretScopes.get(key);
  if (!scope) {
    const pair = newKeyPair();
    scope = { keyId: pair.keyId, publicKey: pair.publicKey, privateKey: pair.privateKey, secrets: new Map() };
    world.secretScopes.set(key, scope);
  }
  return scope;
}

/** Secret names are not case-sensitive: GitHub keeps them in upper case. */
const canonical = (name: string) => name.toUpperCase();

function sortedSecrets(scope: SecretScopeRecord) {
  return [...scope.secrets.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function existingSecret(scope: SecretScopeRecord, name: string) {
  return scope.secrets.get(canonical(name)) ?? fail(404, 'Not Found');
}

/** The plain value of a secret, for the test hook only; undefined when there is none. */
export function secretValue(world: World, place: SecretPlace, name: string): string | undefined {
  return world.secretScopes.get(placeKey(place))?.secrets.get(canonical(name))?.value;
}

// ---------- reading a PUT ----------

async function readBody(ctx: RestContext, permitted: readonly string[]) {
  const body = await readJson(ctx.req);
  for (const key of Object.keys(body))
    if (!permitted.includes(key)) fail(422, `Invalid request.\n\n${JSON.stringify(key)} is not a permitted key.`);
  return body;
}

/**
 * Opens `encrypted_value` with the place's private key; undefined when the body has none.
 * The value is never echoed in an error: it may be a plain value sent by mistake.
 */
async function openValue(scope: SecretScopeRecord, body: Record<string, unknown>): Promise<string | undefined> {
  const encrypted = body.encrypted_value;
  const keyId = body.key_id;
  if (encrypted === undefined) return undefined;
  if (typeof encrypted !== 'string' || !BASE64.test(encrypted))
    fail(422, `Invalid request.\n\nFor 'properties/encrypted_value', the value does not match ${BASE64}.`);
  if (keyId === undefined) fail(422, `Invalid request.\n\n"key_id" wasn't supplied.`);
  if (typeof keyId !== 'string') fail(422, `Invalid request.\n\nFor 'properties/key_id', ${JSON.stringify(keyId)} is not a string.`);
  // A key id that is not this place's current key cannot have sealed anything it can open.
  if (keyId !== scope.keyId) fail(422, IMPROPERLY_ENCRYPTED);
  const opened = await openSealedBox(encrypted as string, scope);
  if (!opened) return fail(422, IMPROPERLY_ENCRYPTED);
  if (opened.length > MAX_VALUE_BYTES) fail(422, 'Secrets are limited to 48 KB in size.');
  return new TextDecoder().decode(opened);
}

/** `selected_repository_ids`: integers (the user endpoint takes numeric strings too); null when absent. */
function repositoryIds(value: unknown, { strings = false } = {}): number[] | null {
  if (value === undefined) return null;
  const wrong = () =>
    fail(422, `Invalid request.\n\nFor 'properties/selected_repository_ids', ${JSON.stringify(value)} is not an array of integers.`);
  if (!Array.isArray(value)) return wrong();
  return value.map((id) => {
    if (typeof id === 'number' && Number.isSafeInteger(id)) return id;
    if (strings && typeof id === 'string' && /^\d{1,16}$/.test(id)) return Number(id);
    return wrong();
  });
}

function validName(name: string) {
  const problem = secretNameProblem(name);
  if (problem) fail(422, problem);
  return canonical(name);
}

/** Creates (201) or updates (204) a secret; `changes` applies to both. */
function store(
  ctx: RestContext,
  scope: SecretScopeRecord,
  name: string,
  value: string | undefined,
  changes: Partial<Pick<SecretRecord, 'visibility' | 'repositoryIds'>>,
): RestAnswer {
  const existing = scope.secrets.get(name);
  if (existing) {
    if (value !== undefined) existing.value = value;
    Object.assign(existing, changes);
    existing.updatedAt = ctx.now;
    return { status: 204, body: null };
  }
  if (value === undefined) fail(422, `Invalid request.\n\n"encrypted_value" wasn't supplied.`);
  if (scope.secrets.size >= MAX_SECRETS) fail(422, `You can store up to ${MAX_SECRETS} secrets here.`);
  scope.secrets.set(name, {
    name,
    value: value!,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    visibility: 'selected',
    repositoryIds: [],
    ...changes,
  });
  return { status: 201, body: {} };
}

const noContent = (): RestAnswer => ({ status: 204, body: null });

function listAnswer<T>(ctx: RestContext, items: T[], key: 'secrets' | 'repositories', show: (item: T) => unknown): RestAnswer {
  const { page, link } = paginate(ctx.url, items);
  return ok({ total_count: items.length, [key]: page.map(show) }, { link });
}

function reposOf(ctx: RestContext, secret: SecretRecord) {
  return secret.repositoryIds.map((id) => ctx.world.repos.get(id)).filter((r): r is RepoRecord => r !== undefined);
}

// ---------- the user's secrets ----------

/** Repositories a user may give a secret to: any they can reach. */
function userRepo(ctx: RestContext, id: number): RepoRecord | undefined {
  const repo = ctx.world.repos.get(id);
  const reachable = repo && (repo.owner === ctx.user.login || ctx.user.orgs.includes(repo.owner) || !repo.private);
  return reachable ? repo : undefined;
}

const userScope = (ctx: RestContext) => secretScope(ctx.world, { kind: 'user', login: ctx.user.login });
/** A path's repository_id, or 404 as GitHub answers for one that is not a number. */
const pathRepositoryId = (raw: string) => (/^\d{1,16}$/.test(raw) ? Number(raw) : fail(404, 'Not Found'));

route('GET', '/user/codespaces/secrets', 'codespace:secrets', (ctx) =>
  listAnswer(ctx, sortedSecrets(userScope(ctx)), 'secrets', (s) => render.userSecret(ctx.urls, s)),
);

route('GET', '/user/codespaces/secrets/public-key', 'codespace:secrets', (ctx) => ok(render.secretsPublicKey(userScope(ctx))));

route('GET', '/user/codespaces/secrets/{secret_name}', 'codespace:secrets', (ctx, p) =>
  ok(render.userSecret(ctx.urls, existingSecret(userScope(ctx), p.secret_name!))),
);

route('PUT', '/user/codespaces/secrets/{secret_name}', 'codespace:secrets', async (ctx, p) => {
  const name = validName(p.secret_name!);
  const scope = userScope(ctx);
  const body = await readBody(ctx, ['encrypted_value', 'key_id', 'selected_repository_ids']);
  // GitHub's description requires key_id here, with or without a value.
  if (body.key_id === undefined) fail(422, `Invalid request.\n\n"key_id" wasn't supplied.`);
  const value = await openValue(scope, body);
  const ids = repositoryIds(body.selected_repository_ids, { strings: true });
  const unknown = ids?.find((id) => !userRepo(ctx, id));
  if (unknown !== undefined) fail(422, `Repository ${unknown} was not found, or you cannot give it secrets.`);
  return store(ctx, scope, name, value, ids ? { repositoryIds: [...new Set(ids)] } : {});
});

route('DELETE', '/user/codespaces/secrets/{secret_name}', 'codespace:secrets', (ctx, p) => {
  const scope = userScope(ctx);
  scope.secrets.delete(existingSecret(scope, p.secret_name!).name);
  return noContent();
});

route('GET', '/user/codespaces/secrets/{secret_name}/repositories', 'codespace:secrets', (ctx, p) => {
  const repos = reposOf(ctx, existingSecret(userScope(ctx), p.secret_name!));
  return ok({
    total_count: repos.length,
    repositories: repos.map((r) => render.minimalRepository(ctx.world, ctx.urls, r, ctx.user.login)),
  });
});

route('PUT', '/user/codespaces/secrets/{secret_name}/repositories', 'codespace:secrets', async (ctx, p) => {
  const secret = existingSecret(userScope(ctx), p.secret_name!);
  const body = await readBody(ctx, ['selected_repository_ids']);
  const ids = repositoryIds(body.selected_repository_ids) ?? fail(422, `Invalid request.\n\n"selected_repository_ids" wasn't supplied.`);
  if (ids.some((id) => !userRepo(ctx, id))) fail(404, 'Not Found');
  secret.repositoryIds = [...new Set(ids)];
  secret.updatedAt = ctx.now;
  return noContent();
});

route('PUT', '/user/codespaces/secrets/{secret_name}/repositories/{repository_id}', 'codespace:secrets', (ctx, p) => {
  const secret = existingSecret(userScope(ctx), p.secret_name!);
  const repo = userRepo(ctx, pathRepositoryId(p.repository_id!)) ?? fail(404, 'Not Found');
  if (!secret.repositoryIds.includes(repo.id)) secret.repositoryIds.push(repo.id);
  return noContent();
});

route('DELETE', '/user/codespaces/secrets/{secret_name}/repositories/{repository_id}', 'codespace:secrets', (ctx, p) => {
  const secret = existingSecret(userScope(ctx), p.secret_name!);
  const repo = userRepo(ctx, pathRepositoryId(p.repository_id!)) ?? fail(404, 'Not Found');
  secret.repositoryIds = secret.repositoryIds.filter((id) => id !== repo.id);
  return noContent();
});

// ---------- a repository's secrets ----------

/** The repository, if the caller administers it: GitHub's 404 when it is hidden, 403 when they only use it. */
function administeredRepo(ctx: RestContext, owner: string, name: string) {
  const repo = findRepo(ctx, owner, name);
  if (!administers(ctx.world, repo, ctx.user.login)) fail(403, 'Must have admin rights to Repository.');
  return repo;
}

const repoScope = (ctx: RestContext, repo: RepoRecord) => secretScope(ctx.world, { kind: 'repo', repoId: repo.id });

route('GET', '/repos/{owner}/{repo}/codespaces/secrets', 'repo', (ctx, p) => {
  const repo = administeredRepo(ctx, p.owner!, p.repo!);
  return listAnswer(ctx, sortedSecrets(repoScope(ctx, repo)), 'secrets', render.repoSecret);
});

// Anyone who can read the repository may have its key; a private one needs the repo scope.
route('GET', '/repos/{owner}/{repo}/codespaces/secrets/public-key', null, (ctx, p) => {
  const repo = findRepo(ctx, p.owner!, p.repo!);
  if (repo.private && !ctx.scopes.includes('repo')) {
    const message = `This endpoint needs the "repo" scope for a private repository; the token has: ${ctx.scopes.join(', ') || 'none'}.`;
    return { status: 403, body: errorBody(403, message), acceptedScopes: 'repo' };
  }
  return ok(render.secretsPublicKey(repoScope(ctx, repo)));
});

route('GET', '/repos/{owner}/{repo}/codespaces/secrets/{secret_name}', 'repo', (ctx, p) => {
  const repo = administeredRepo(ctx, p.owner!, p.repo!);
  return ok(render.repoSecret(existingSecret(repoScope(ctx, repo), p.secret_name!)));
});

route('PUT', '/repos/{owner}/{repo}/codespaces/secrets/{secret_name}', 'repo', async (ctx, p) => {
  const repo = administeredRepo(ctx, p.owner!, p.repo!);
  const name = validName(p.secret_name!);
  const scope = repoScope(ctx, repo);
  const body = await readBody(ctx, ['encrypted_value', 'key_id']);
  return store(ctx, scope, name, await openValue(scope, body), {});
});

route('DELETE', '/repos/{owner}/{repo}/codespaces/secrets/{secret_name}', 'repo', (ctx, p) => {
  const scope = repoScope(ctx, administeredRepo(ctx, p.owner!, p.repo!));
  scope.secrets.delete(existingSecret(scope, p.secret_name!).name);
  return noContent();
});

// ---------- an organisation's secrets ----------

const VISIBILITIES = ['all', 'private', 'selected'] as const;
const orgScope = (ctx: RestContext, org: string) => secretScope(ctx.world, { kind: 'org', org });
const orgRepo = (ctx: RestContext, org: string, id: number) => {
  const repo = ctx.world.repos.get(id);
  return repo?.owner === org ? repo : undefined;
};
/** Changing the chosen repositories is only for a secret whose visibility is `selected` (409 otherwise). */
function selectedOnly(secret: SecretRecord) {
  if (secret.visibility !== 'selected') fail(409, "The secret's visibility is not set to selected repositories.");
  return secret;
}

route('GET', '/orgs/{org}/codespaces/secrets', 'admin:org', (ctx, p) => {
  const org = ownedOrg(ctx, p.org!).login;
  return listAnswer(ctx, sortedSecrets(orgScope(ctx, org)), 'secrets', (s) => render.orgSecret(ctx.urls, org, s));
});

route('GET', '/orgs/{org}/codespaces/secrets/public-key', 'admin:org', (ctx, p) =>
  ok(render.secretsPublicKey(orgScope(ctx, ownedOrg(ctx, p.org!).login))),
);

route('GET', '/orgs/{org}/codespaces/secrets/{secret_name}', 'admin:org', (ctx, p) => {
  const org = ownedOrg(ctx, p.org!).login;
  return ok(render.orgSecret(ctx.urls, org, existingSecret(orgScope(ctx, org), p.secret_name!)));
});

route('PUT', '/orgs/{org}/codespaces/secrets/{secret_name}', 'admin:org', async (ctx, p) => {
  const org = ownedOrg(ctx, p.org!).login;
  const name = validName(p.secret_name!);
  const scope = orgScope(ctx, org);
  const body = await readBody(ctx, ['encrypted_value', 'key_id', 'visibility', 'selected_repository_ids']);
  const visibility = body.visibility;
  if (visibility === undefined) fail(422, `Invalid request.\n\n"visibility" wasn't supplied.`);
  if (!VISIBILITIES.includes(visibility as (typeof VISIBILITIES)[number]))
    fail(422, `Invalid request.\n\nFor 'properties/visibility', ${JSON.stringify(visibility)} is not one of all, private or selected.`);
  const ids = repositoryIds(body.selected_repository_ids);
  if (ids && visibility !== 'selected') fail(422, 'You can only provide a list of repository ids when the visibility is set to selected.');
  const unknown = ids?.find((id) => !orgRepo(ctx, org, id));
  if (unknown !== undefined) fail(422, `Repository ${unknown} is not a repository of ${org}.`);
  const value = await openValue(scope, body);
  const chosen = visibility === 'selected' ? [...new Set(ids ?? scope.secrets.get(name)?.repositoryIds ?? [])] : [];
  return store(ctx, scope, name, value, { visibility: visibility as SecretRecord['visibility'], repositoryIds: chosen });
});

route('DELETE', '/orgs/{org}/codespaces/secrets/{secret_name}', 'admin:org', (ctx, p) => {
  const scope = orgScope(ctx, ownedOrg(ctx, p.org!).login);
  scope.secrets.delete(existingSecret(scope, p.secret_name!).name);
  return noContent();
});

route('GET', '/orgs/{org}/codespaces/secrets/{secret_name}/repositories', 'admin:org', (ctx, p) => {
  const org = ownedOrg(ctx, p.org!).login;
  const secret = existingSecret(orgScope(ctx, org), p.secret_name!);
  return listAnswer(ctx, reposOf(ctx, secret), 'repositories', (r) => render.minimalRepository(ctx.world, ctx.urls, r, ctx.user.login));
});

route('PUT', '/orgs/{org}/codespaces/secrets/{secret_name}/repositories', 'admin:org', async (ctx, p) => {
  const org = ownedOrg(ctx, p.org!).login;
  const secret = existingSecret(orgScope(ctx, org), p.secret_name!);
  const body = await readBody(ctx, ['selected_repository_ids']);
  const ids = repositoryIds(body.selected_repository_ids) ?? fail(422, `Invalid request.\n\n"selected_repository_ids" wasn't supplied.`);
  selectedOnly(secret);
  if (ids.some((id) => !orgRepo(ctx, org, id))) fail(404, 'Not Found');
  secret.repositoryIds = [...new Set(ids)];
  secret.updatedAt = ctx.now;
  return noContent();
});

/**
 * The secret and repository an add or a remove names: the secret must exist with `selected`
 * visibility, the repository must exist (404) and be the organisation's (422).
 */
function selectedSecretAndRepository(ctx: RestContext, p: Record<string, string>) {
  const org = ownedOrg(ctx, p.org!).login;
  const secret = selectedOnly(existingSecret(orgScope(ctx, org), p.secret_name!));
  const id = pathRepositoryId(p.repository_id!);
  if (!ctx.world.repos.has(id)) fail(404, 'Not Found');
  if (!orgRepo(ctx, org, id)) fail(422, `Repository ${id} is not a repository of ${org}.`);
  return { secret, id };
}

route('PUT', '/orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}', 'admin:org', (ctx, p) => {
  const { secret, id } = selectedSecretAndRepository(ctx, p);
  if (!secret.repositoryIds.includes(id)) secret.repositoryIds.push(id);
  return noContent();
});

route('DELETE', '/orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}', 'admin:org', (ctx, p) => {
  const { secret, id } = selectedSecretAndRepository(ctx, p);
  secret.repositoryIds = secret.repositoryIds.filter((r) => r !== id);
  return noContent();
});

// ---------- seed ----------

interface SecretSeed {
  place: SecretPlace | { kind: 'repoName'; fullName: string };
  name: string;
  value: string;
  createdDaysAgo: number;
  updatedDaysAgo: number;
  visibility?: SecretRecord['visibility'];
  repositories?: string[];
}

/** Demo values: obviously not real credentials, so nothing mistakes them for leaked ones. */
const SEEDS: SecretSeed[] = [
  {
    place: { kind: 'user', login: 'mona' },
    name: 'NPM_TOKEN',
    value: 'demo-npm-token-not-real',
    createdDaysAgo: 140,
    updatedDaysAgo: 12,
    repositories: ['mona/blog', 'octo-org/octo-app'],
  },
  {
    place: { kind: 'user', login: 'mona' },
    name: 'SENTRY_DSN',
    value: 'https://demo-key@sentry.example/42',
    createdDaysAgo: 75,
    updatedDaysAgo: 75,
    repositories: ['mona/blog', 'octo-org/api-server', 'octo-org/octo-app'],
  },
  {
    place: { kind: 'user', login: 'mona' },
    name: 'GPG_SIGNING_KEY',
    value: 'demo-gpg-key-not-real',
    createdDaysAgo: 400,
    updatedDaysAgo: 31,
    repositories: ['mona/dotfiles'],
  },
  {
    place: { kind: 'user', login: 'hubot' },
    name: 'SLACK_WEBHOOK_URL',
    value: 'https://hooks.slack.example/demo',
    createdDaysAgo: 90,
    updatedDaysAgo: 5,
    repositories: ['hubot/scripts'],
  },
  {
    place: { kind: 'repoName', fullName: 'mona/blog' },
    name: 'PREVIEW_DEPLOY_TOKEN',
    value: 'demo-deploy-token',
    createdDaysAgo: 50,
    updatedDaysAgo: 3,
  },
  {
    place: { kind: 'repoName', fullName: 'octo-org/octo-app' },
    name: 'E2E_TEST_PASSWORD',
    value: 'demo-password',
    createdDaysAgo: 200,
    updatedDaysAgo: 20,
  },
  {
    place: { kind: 'org', org: 'octo-org' },
    name: 'REGISTRY_TOKEN',
    value: 'demo-registry-token',
    createdDaysAgo: 300,
    updatedDaysAgo: 45,
    visibility: 'all',
  },
  {
    place: { kind: 'org', org: 'octo-org' },
    name: 'STAGING_DATABASE_URL',
    value: 'postgres://demo@staging.db.example/octo',
    createdDaysAgo: 120,
    updatedDaysAgo: 8,
    visibility: 'selected',
    repositories: ['octo-org/api-server'],
  },
  {
    place: { kind: 'org', org: 'octo-org' },
    name: 'LICENSE_SERVER_KEY',
    value: 'demo-license-key',
    createdDaysAgo: 500,
    updatedDaysAgo: 200,
    visibility: 'private',
  },
];

/** The demo's secrets, created and updated days ago as real ones would have been. */
export function seedSecrets(world: World, now: number) {
  const repoNamed = (fullName: string) => {
    const repo = [...world.repos.values()].find((r) => `${r.owner}/${r.name}` === fullName);
    if (!repo) throw new Error(`No demo repository ${fullName}`);
    return repo;
  };
  for (const seed of SEEDS) {
    const place: SecretPlace = seed.place.kind === 'repoName' ? { kind: 'repo', repoId: repoNamed(seed.place.fullName).id } : seed.place;
    secretScope(world, place).secrets.set(seed.name, {
      name: seed.name,
      value: seed.value,
      createdAt: now - seed.createdDaysAgo * DAY - 37 * MINUTE,
      updatedAt: now - seed.updatedDaysAgo * DAY - 11 * MINUTE,
      visibility: seed.visibility ?? 'selected',
      repositoryIds: (seed.repositories ?? []).map((name) => repoNamed(name).id),
    });
  }
}
