import type { components } from '@octokit/openapi-types';

/** GitHub's own shapes, from its OpenAPI description. */
export type Codespace = components['schemas']['codespace'];
export type CodespaceState = Codespace['state'];
/**
 * Any state GitHub may write: the documented ones, and ones it adds later (shown as written, see
 * `stateTone`). Functions that only read a state take this.
 */
export type AnyCodespaceState = CodespaceState | (string & {});
export type CodespaceMachine = components['schemas']['codespace-machine'];
export type CodespaceExport = components['schemas']['codespace-export-details'];

/**
 * What the lists (the user's and an organisation's) keep of a codespace. GitHub's object is ~8 KB
 * of JSON (owner, billing owner and repository each carry dozens of URLs); a summary keeps ~700
 * bytes of it, so a 10,000-codespace organisation renders, hydrates and holds a tenth as much.
 * Any `Codespace` is also one of these.
 */
export type CodespaceSummary = Pick<
  Codespace,
  | 'id'
  | 'name'
  | 'display_name'
  | 'state'
  | 'last_used_at'
  | 'created_at'
  | 'location'
  | 'git_status'
  | 'machine'
  | 'idle_timeout_minutes'
  | 'retention_expires_at'
  | 'retention_period_minutes'
  | 'web_url'
  | 'pending_operation'
  | 'pending_operation_disabled_reason'
  | 'last_known_stop_notice'
> &
  /** The pull request it was made from (GitHub's API URL), kept only when there is one. */
  Partial<Pick<Codespace, 'pulls_url'>> & {
    repository: Pick<Codespace['repository'], 'id' | 'full_name'>;
    owner: Pick<Codespace['owner'], 'login'>;
    /** Who pays for it: the user, or the organisation that owns its repository. */
    billable_owner: Pick<Codespace['billable_owner'], 'login'>;
  };

/** No codespaces (yet): one stable empty list, so that what a page memoises over it is not recomputed on every render. */
export const NO_CODESPACES: readonly CodespaceSummary[] = [];

/** A dev container configuration a repository offers a new codespace. */
export type Devcontainer = { path: string; name?: string; display_name?: string };
/** GitHub's defaults for a new codespace in a repository. */
export type CodespaceDefaults = { location: string; devcontainer_path: string | null };
/** What `PATCH /user/codespaces/{codespace_name}` changes. */
export type CodespaceChanges = { display_name?: string; machine?: string };
