import { z } from 'zod';
import { devcontainerPath, displayName, gitRef, idleTimeoutMinutes, location, machineName, retentionPeriodMinutes } from './schemas';

/**
 * The create forms' values and their translation into GitHub request bodies. The same zod rules
 * the proxy enforces, so the form says what is wrong before anything is sent.
 */

export const LOCATIONS = [
  { value: 'EastUs', label: 'US East' },
  { value: 'WestUs2', label: 'US West' },
  { value: 'WestEurope', label: 'Europe West' },
  { value: 'SouthEastAsia', label: 'Southeast Asia' },
] as const;

export const DEFAULT_IDLE_TIMEOUT_MINUTES = 30;
/** GitHub's default and maximum retention: 30 days. */
export const DEFAULT_RETENTION_MINUTES = 43_200;

const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

export const createFormSchema = z.object({
  ref: optionalText(gitRef),
  devcontainerPath: optionalText(devcontainerPath),
  machine: optionalText(machineName),
  location: optionalText(location),
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
    ...(v.location ? { location: v.location } : {}),
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
  pull: { repo: string; number: number } | null;
  pullUrl: string;
  ref: string;
  devcontainer: string;
  location: string;
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
    location: '',
    machine: '',
    idle: String(DEFAULT_IDLE_TIMEOUT_MINUTES),
    retentionDays: DEFAULT_RETENTION_MINUTES / 1440,
    displayName: '',
    optOut: false,
  };
}

type Field = 'ref' | 'devcontainer' | 'location' | 'machine' | 'idle' | 'displayName';

export type CreateFormAction =
  | { type: 'source'; source: CreateSource }
  | { type: 'repository'; repo: string; pullNumber?: number }
  | { type: 'pull'; number: number | null }
  | { type: 'pullUrl'; value: string }
  | { type: 'field'; field: Field; value: string }
  | { type: 'retention'; days: number }
  | { type: 'optOut'; value: boolean };

/** How the form changes; a new repository means new branches, dev containers and machines: the old choices go. */
export function createFormReducer(state: CreateFormState, action: CreateFormAction): CreateFormState {
  switch (action.type) {
    case 'source':
      return { ...state, source: action.source };
    case 'repository':
      return {
        ...state,
        repo: action.repo,
        ref: '',
        devcontainer: '',
        machine: '',
        optOut: false,
        pull: action.pullNumber ? { repo: action.repo, number: action.pullNumber } : null,
      };
    case 'pull':
      return { ...state, pull: action.number && state.repo ? { repo: state.repo, number: action.number } : null };
    case 'pullUrl': {
      const parsed = parsePullRequestUrl(action.value);
      const next = { ...state, pullUrl: action.value };
      return parsed
        ? createFormReducer(next, { type: 'repository', repo: `${parsed.owner}/${parsed.repo}`, pullNumber: parsed.number })
        : next;
    }
    case 'field':
      return { ...state, [action.field]: action.value };
    case 'retention':
      return { ...state, retentionDays: action.days };
    case 'optOut':
      return { ...state, optOut: action.value };
  }
}

/** What GitHub has told the form so far about the chosen repository. */
export interface RepositoryFacts {
  defaultBranch?: string;
  /** Head branch of each open pull request. */
  pullHeads?: ReadonlyMap<number, string>;
  defaults?: { location: string; devcontainer_path: string | null } | null;
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
    location: state.location || facts.defaults?.location || '',
    devcontainer: state.devcontainer || facts.defaults?.devcontainer_path || '',
    machine,
  };
}

/** What the codespace would be created from, once the form says enough. */
export function createTarget(state: CreateFormState): CreateTarget | null {
  if (state.source === 'repository') return state.repo ? { kind: 'repository', repo: state.repo } : null;
  return state.pull ? { kind: 'pullRequest', repo: state.pull.repo, number: state.pull.number } : null;
}

/** Create is possible once a target is chosen, extra permissions are accepted or declined, and nothing is on its way. */
export function canCreate(state: CreateFormState, { needsConsent, pending }: { needsConsent: boolean; pending: boolean }): boolean {
  return createTarget(state) !== null && (!needsConsent || state.optOut) && !pending;
}

/** The form's values for `toCreateBody`. */
export function formValues(state: CreateFormState, choices: ReturnType<typeof effectiveChoices>, needsConsent: boolean): CreateFormValues {
  return {
    ref: choices.ref,
    devcontainerPath: choices.devcontainer,
    machine: choices.machine,
    location: choices.location,
    idleTimeoutMinutes: state.idle,
    retentionPeriodMinutes: state.retentionDays * 1440,
    displayName: state.displayName,
    permissionsOptOut: needsConsent && state.optOut,
  };
}
