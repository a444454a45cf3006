/**
 * The GitHub Apps registered with the emulator and their installations, as records: what the app
 * endpoints (installations.ts), the token store (tokens.ts) and every request's checks (api.ts,
 * dispatch.ts) read. Kept apart from the endpoints, which read the state: the state holds these
 * records, and would otherwise import the endpoints' module while it imports the state's type.
 *
 * Source: https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { UserRecord } from './model';

/** A GitHub App's permission levels, as installations and tokens list them. */
export type Access = 'read' | 'write';
export type Permissions = Record<string, Access>;

/** What Hangar's policies need, and what an installation grants unless told otherwise. */
const CODESPACES_PERMISSIONS: Permissions = { organization_codespaces: 'write', codespaces_lifecycle_admin: 'write' };

/** A GitHub App registered with the emulator (EmulatorOptions.githubApps). */
export interface AppRegistration {
  /** The app's ID (GitHub's are integers; `iss` may carry it as a number or a string). */
  id: number | string;
  slug: string;
  /** The public half of the app's key: what every JWT of the app must verify with (PEM). */
  publicKey: string | KeyObject;
  /** Organisations it is installed on, each with the permissions granted (default: CODESPACES_PERMISSIONS). */
  installations: { org: string; permissions?: Permissions }[];
}

export interface AppRecord {
  id: number;
  slug: string;
  clientId: string;
  publicKey: KeyObject;
  /** The app's bot account, which acts with its installation tokens. */
  bot: UserRecord;
}

export interface InstallationRecord {
  id: number;
  appId: number;
  /** The organisation's login, as the world spells it. */
  org: string;
  permissions: Permissions;
  createdAt: number;
}

/** What an installation token carries (dispatch.ts reads it on every request). */
export interface InstallationGrant {
  installationId: number;
  org: string;
  permissions: Permissions;
}

/** The registered apps and their installations, by id. */
export function registerApps(registrations: AppRegistration[], worldOrgs: Map<string, { login: string }>, now: number) {
  const apps = new Map<number, AppRecord>();
  const installations = new Map<number, InstallationRecord>();
  let nextInstallation = 40_000_000;
  for (const registration of registrations) {
    const id = Number(registration.id);
    if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`A GitHub App's id is a positive integer, not ${registration.id}`);
    const publicKey = typeof registration.publicKey === 'string' ? createPublicKey(registration.publicKey) : registration.publicKey;
    if (publicKey.asymmetricKeyType !== 'rsa') throw new Error('A GitHub App key is an RSA key');
    const login = `${registration.slug}[bot]`;
    apps.set(id, {
      id,
      slug: registration.slug,
      clientId: `Iv23li${id.toString(36).padStart(14, '0')}`,
      publicKey,
      bot: {
        id: 90_000_000 + id,
        login,
        name: registration.slug,
        email: `${id}+${login}@users.noreply.github.com`,
        company: null,
        location: null,
        bio: null,
        createdAt: new Date(now).toISOString(),
        orgs: [],
        listed: false,
      },
    });
    for (const { org, permissions } of registration.installations) {
      const record = [...worldOrgs.values()].find((o) => o.login.toLowerCase() === org.toLowerCase());
      if (!record) throw new Error(`No organisation ${org} to install ${registration.slug} on`);
      const installationId = ++nextInstallation;
      installations.set(installationId, {
        id: installationId,
        appId: id,
        org: record.login,
        permissions: { ...(permissions ?? CODESPACES_PERMISSIONS) },
        createdAt: now,
      });
    }
  }
  return { apps, installations };
}
