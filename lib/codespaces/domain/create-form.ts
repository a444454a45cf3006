import { z } from 'zod';
import type { Answer } from '@/lib/repositories/domain/standing';
import { devcontainerPath, displayName, geo, gitRef, idleTimeoutMinutes, machineName, retentionPeriodMinutes } from './schemas';

/**
 * The create forms' values and their translation into GitHub request bodies. The same zod rules
 * the proxy enforces, so the form says what is wrong before anything is sent.
 */

/** GitHub's regions for a new codespace (`geo`, which replaces the closing-down `location`). */
export const GEOS = [
  { value: 'UsEast', label: 'US East' },
  { value: 'UsWest', label: 'US West' },
  { value: 'EuropeWest', label: 'Europe West' },
  { value: 'SoutheastAsia', label: 'Southeast Asia' },
] as const satisfies readonly { value: z.infer<typeof geo>; label: string }[];

const DEFAULT_IDLE_TIMEOUT_MINUTES = 30;
/** GitHub's default and maximum retention: 30 days. */
const DEFAULT_RETENTION_MINUTES = 43_200;

const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const createFormSchema = z.object({
  ref: optionalText(gitRef),
  devcontainerPath: optionalText(devcontainerPath),
  machine: optionalText(machineName),
  geo: optionalText(geo),
  idleTimeoutMinutes: z.coerce.number({ message: 'A number of minutes' }).pipe(idleTimeoutMinutes),
  retentionPeriodMinutes: z.coerce.number({ message: 'A number of minutes' }).pipe(retentionPeriodMinutes),
  displayName: optionalText(displayName),
  permissionsOptOut: z.boolean(),
});

export type CreateFormValues = z.input<typeof createFormSchema>;

export type FieldErrors = Partial<Record<keyof CreateFormValues, string>>;

/** The body of `POST /repos/{owner}/{repo}/codespaces` (or, without `ref`, the pull-request variant). */
export function toCreateBody(
  values: CreateFormValues,
  kind: 'repository' | 'pullRequest',
): { ok: true; body: Record<string, unknown> } | { ok: false; errors: FieldErrors } {
  const parsed = createFormSchema.safeParse(values);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof CreateFormValues;
      errors[key] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const v = parsed.data;
  const body: Record<string, unknown> = {
    ...(kind === 'repository' && v.ref ? { ref: v.ref } : {}),
    ...(v.devcontainerPath ? { devcontainer_path: v.devcontainerPath } : {}),
    ...(v.machine ? { machine: v.machine } : {}),
    ...(v.geo ? { geo: v.geo } : {}),
    idle_timeout_minutes: v.idleTimeoutMinutes,
    ...(kind === 'repository' ? { retention_period_minutes: v.retentionPeriodMinutes } : {}),
    ...(v.displayName ? { display_name: v.displayName } : {}),
    ...(v.permissionsOptOut ? { multi_repo_permissions_opt_out: true } : {}),
  };
  return { ok: true, body };
}

/** Reads `owner/repo` and the number from a pull request URL such as https://github.com/o/r/pull/12. */
export function parsePullRequestUrl(input: string): { owner: string; repo: string; number: number } | null {
  const match =
    /^\s*(?:https?:\/\/[^/\s]+\/)?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})\/pulls?\/(\d{1,9})(?:[/?#].*)?\s*$/.exec(
      input,
    );
  if (!match) return null;
  const number = Number(match[3]);
  return number > 0 ? { owner: match[1]!, repo: match[2]!, number } : null;
}

// ---------- the form's state and its defaulting rules ----------

export type CreateSource = 'repository' | 'pullRequest';

/** Where a new codespace comes from: a repository, or one of its pull requests. */
export type CreateTarget = { kind: 'repository'; repo: string } | { kind: 'pullRequest'; repo: string; number: number };

/** What the user has chosen. An empty choice means "GitHub's default", worked out by `effectiveChoices`. */
export interface CreateFormState {
  source: CreateSource;
  repo: string | null;
  /** The pull request chosen from the list, or read from `pullUrl`. */
  pull: { repo: string; number: number } | null;
  /** A pull request's address as typed or pasted: while it is not empty, it alone says which pull request. */
  pullUrl: string;
  ref: string;
  devcontainer: string;
  /** GitHub's region (`geo`); empty: the nearest, as GitHub decides. */
  geo: string;
  machine: string;
  idle: string;
  retentionDays: number;
  displayName: string;
  optOut: boolean;
}

export function initialCreateForm(repo: string | null, source: CreateSource): CreateFormState {
  return {
    source,
    repo,
    pull: null,
    pullUrl: '',
    ref: '',
    devcontainer: '',
    geo: '',
    machine: '',
    idle: String(DEFAULT_IDLE_TIMEOUT_MINUTES),
    retentionDays: DEFAULT_RETENTION_MINUTES / 1440,
    displayName: '',
    optOut: false,
  };
}

type Field = 'ref' | 'devcontainer' | 'geo' | 'machine' | 'idle' | 'displayName';

export type CreateFormAction =
  | { type: 'source'; source: CreateSource }
  | { type: 'repository'; repo: string }
  | { type: 'pull'; number: number | null }
  | { type: 'pullUrl'; value: string }
  | { type: 'field'; field: Field; value: string }
  | { type: 'retention'; days: number }
  | { type: 'optOut'; value: boolean };

/** A new repository: new branches, dev containers and machines, so the old choices (and pull request) go. */
function withRepository(state: CreateFormState, repo: string, pull: CreateFormState['pull']): CreateFormState {
  return { ...state, repo, ref: '', devcontainer: '', machine: '', optOut: false, pull };
}

/**
 * How the form changes. A pull request's address and the other ways of choosing never disagree:
 * an address that stops being one (edited, replaced by anything else) takes its pull request away,
 * and choosing a repository or a pull request from the lists empties the address.
 */
export function createFormReducer(state: CreateFormState, action: CreateFormAction): CreateFormState {
  switch (action.type) {
    case 'source':
      return { ...state, source: action.source };
    case 'repository':
      return { ...withRepository(state, action.repo, null), pullUrl: '' };
    case 'pull':
      return { ...state, pullUrl: '', pull: action.number && state.repo ? { repo: state.repo, number: action.number } : null };
    case 'pullUrl': {
      const parsed = parsePullRequestUrl(action.value);
      if (!parsed) return { ...state, pullUrl: action.value, pull: null };
      const repo = `${parsed.owner}/${parsed.repo}`;
      return { ...withRepository(state, repo, { repo, number: parsed.number }), pullUrl: action.value };
    }
    case 'field':
      return { ...state, [action.field]: action.value };
    case 'retention':
      return { ...state, retentionDays: action.days };
    case 'optOut':
      return { ...state, optOut: action.value };
  }
}

/** The address field's problem, in words, when it holds something that is not a pull request's address. */
export function pullUrlProblem(state: CreateFormState): string | undefined {
  return state.pullUrl.trim() && !parsePullRequestUrl(state.pullUrl) ? 'Not a pull request URL' : undefined;
}

/** What GitHub has told the form so far about the chosen repository. */
export interface RepositoryFacts {
  defaultBranch?: string;
  /** Head branch of each pull request known (the open ones listed, and the one checked). */
  pullHeads?: ReadonlyMap<number, string>;
  defaults?: { devcontainer_path: string | null } | null;
  /** Machine types allowed here, in GitHub's order (the first is its default). */
  machines?: readonly string[];
}

/** The choices the request would carry: the user's where made, GitHub's defaults elsewhere. */
export function effectiveChoices(state: CreateFormState, facts: RepositoryFacts) {
  const ref =
    state.source === 'repository' ? state.ref || facts.defaultBranch || '' : (state.pull && facts.pullHeads?.get(state.pull.number)) || '';
  const machine = facts.machines?.includes(state.machine) ? state.machine : (facts.machines?.[0] ?? '');
  return {
    ref,
    geo: state.geo,
    devcontainer: state.devcontainer || facts.defaults?.devcontainer_path || '',
    machine,
  };
}

/**
 * What the codespace would be created from, once the form says enough. From a pull request, an
 * address in the field must be one, and must be the pull request chosen: a stale or broken
 * address creates nothing.
 */
export function createTarget(state: CreateFormState): CreateTarget | null {
  if (state.source === 'repository') return state.repo ? { kind: 'repository', repo: state.repo } : null;
  if (!state.pull) return null;
  if (state.pullUrl.trim()) {
    const parsed = parsePullRequestUrl(state.pullUrl);
    if (!parsed || `${parsed.owner}/${parsed.repo}`.toLowerCase() !== state.pull.repo.toLowerCase() || parsed.number !== state.pull.number)
      return null;
  }
  return { kind: 'pullRequest', repo: state.pull.repo, number: state.pull.number };
}

/**
 * What is known of the chosen pull request before creating from it. GitHub shows a private
 * repository's pull requests only to a token with `repo`; where it shows neither the pull request
 * nor the repository's list, Hangar cannot tell a missing one from a hidden one, and GitHub decides
 * when the codespace is created.
 */
export type PullRequestCheck =
  | { kind: 'none' }
  | { kind: 'checking' }
  | { kind: 'found'; title: string; head: string }
  /** The repository's pull requests can be read, and this one is not among them. */
  | { kind: 'missing' }
  /** Neither it nor the repository's list can be read (a private repository without `repo`, or no such repository). */
  | { kind: 'hidden' }
  /** GitHub failed to answer: it decides on create. */
  | { kind: 'unchecked' };

export function pullRequestCheck(
  chosen: boolean,
  pull: Answer & { data?: { title: string; head: { ref: string } } },
  list: Answer,
): PullRequestCheck {
  if (!chosen) return { kind: 'none' };
  if (pull.loaded && pull.data) return { kind: 'found', title: pull.data.title, head: pull.data.head.ref };
  if (pull.failedWith === undefined) return { kind: 'checking' };
  if (pull.failedWith !== 404) return { kind: 'unchecked' };
  if (list.loaded) return { kind: 'missing' };
  return list.failedWith === undefined ? { kind: 'checking' } : { kind: 'hidden' };
}

/**
 * Create is possible once a target is chosen, extra permissions are accepted or declined, the pull
 * request is not known to be missing, and nothing is on its way.
 */
export function canCreate(
  state: CreateFormState,
  { needsConsent, pending, pullMissing = false }: { needsConsent: boolean; pending: boolean; pullMissing?: boolean },
): boolean {
  return createTarget(state) !== null && (!needsConsent || state.optOut) && !pending && !(state.source === 'pullRequest' && pullMissing);
}

/** GitHub's 404 to a create, in words: what it did not find. */
export function createNotFoundInWords(target: CreateTarget): string {
  return target.kind === 'pullRequest'
    ? `GitHub found no pull request #${target.number} in ${target.repo} that you can create a codespace from. Check its number and repository.`
    : `GitHub found no repository ${target.repo} that you can create a codespace in. Check its owner and name.`;
}

/** The form's values for `toCreateBody`. */
export function formValues(state: CreateFormState, choices: ReturnType<typeof effectiveChoices>, needsConsent: boolean): CreateFormValues {
  return {
    ref: choices.ref,
    devcontainerPath: choices.devcontainer,
    machine: choices.machine,
    geo: choices.geo,
    idleTimeoutMinutes: state.idle,
    retentionPeriodMinutes: state.retentionDays * 1440,
    displayName: state.displayName,
    permissionsOptOut: needsConsent && state.optOut,
  };
}
