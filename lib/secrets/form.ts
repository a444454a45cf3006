import { normalizeSecretName, secretNameProblem, secretValueProblem } from './names';
import type { CodespacesAccessVisibility, SecretVisibility } from './schemas';

/**
 * The secret forms' rules and words, pure: what is wrong beside each field before anything is
 * sent, and the sentence that says what a save will change. Values never appear in either.
 */

export type SecretFormErrors = { name?: string; value?: string; repositories?: string };

/**
 * Creating needs a name GitHub accepts and a value; editing keeps the name, and an empty value
 * there means "keep the stored one" (GitHub never gives it back, so there is nothing to show).
 * Replacing (a secret whose value is all there is to change, a repository's) needs a value.
 */
export function secretFormErrors(
  { name, value }: { name: string; value: string },
  mode: 'create' | 'edit' | 'replace',
  taken: readonly string[] = [],
  access?: RepositoryChoice,
): SecretFormErrors {
  const errors: SecretFormErrors = {};
  const repositories = access && hiddenRepositoriesProblem(access);
  if (repositories) errors.repositories = repositories;
  if (mode === 'create') {
    const problem = secretNameProblem(name);
    if (problem) errors.name = problem;
    else if (taken.includes(normalizeSecretName(name)))
      errors.name = `${normalizeSecretName(name)} already exists: edit it to give it a new value`;
    const valueProblem = secretValueProblem(value);
    if (valueProblem) errors.value = valueProblem;
  } else if (mode === 'replace' || value !== '') {
    const valueProblem = secretValueProblem(value);
    if (valueProblem) errors.value = valueProblem;
  }
  return errors;
}

/** Which repositories a secret is for, as its form has them, and whether the picker could show every one. */
export interface RepositoryChoice {
  visibility: SecretVisibility;
  chosen: number;
  /** GitHub hides private repositories from the session's token (an OAuth App without `repo`): the picker lacks some. */
  privateHidden: boolean;
}

/**
 * A secret for selected repositories with none chosen, where the picker could not show them all:
 * refused, so that a secret is never saved for no repository only because the ones meant were not
 * there to pick.
 */
export function hiddenRepositoriesProblem({ visibility, chosen, privateHidden }: RepositoryChoice): string | undefined {
  if (!privateHidden || visibility !== 'selected' || chosen > 0) return undefined;
  return 'Choose at least one repository. Private repositories are hidden from this list, so Hangar does not save the secret for none: grant repository access to see them all.';
}

export const hasErrors = (errors: SecretFormErrors) => Object.values(errors).some(Boolean);

export const SECRET_VISIBILITY_WORDS: Record<SecretVisibility, string> = {
  all: 'All repositories',
  private: 'Private repositories',
  selected: 'Selected repositories',
};

/** Names in a sentence: "a", "a and b", "a, b and 3 more". */
export function listInWords(items: readonly string[], shown = 3): string {
  if (items.length === 0) return 'none';
  if (items.length <= shown) return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}

/** Which repositories may use a secret, in words ("all private repositories of octo-org", "mona/blog and mona/dotfiles"). */
export function whoMayUse(
  { visibility, repositories }: { visibility: SecretVisibility; repositories: readonly string[] },
  owner?: string,
): string {
  const of = owner ? ` of ${owner}` : '';
  if (visibility === 'all') return `all repositories${of}`;
  if (visibility === 'private') return `private repositories${of}`;
  return repositories.length === 0 ? 'no repository yet' : listInWords(repositories);
}

/** What saving the form will do, in one sentence: the confirmation's words. */
export function secretSaveInWords(change: {
  name: string;
  creating: boolean;
  newValue: boolean;
  /** Undefined where the secret has no repository choice (a repository's own secret). */
  access?: { visibility: SecretVisibility; repositories: readonly string[]; owner?: string };
}): string {
  const name = normalizeSecretName(change.name);
  const { access } = change;
  const nobody = access?.visibility === 'selected' && access.repositories.length === 0;
  const where = access && !nobody ? whoMayUse(access, access.owner) : null;
  if (change.creating) {
    if (nobody) return `Creates ${name}, sealed in this browser. No codespace gets it until you choose repositories.`;
    return `Creates ${name}${where ? ` for ${where}` : ''}, sealed in this browser.`;
  }
  const then = nobody ? ' No codespace gets it until you choose repositories.' : '';
  if (change.newValue) return `Gives ${name} a new value (sealed in this browser)${where ? ` for ${where}` : ''}.${then}`;
  if (!access) return 'Changes nothing.';
  return nobody ? `Keeps the value of ${name}.${then}` : `Keeps the value of ${name} and makes it available to ${where}.`;
}

// ---------- who may use Codespaces in an organisation ----------

export const ACCESS_CHOICES: { value: CodespacesAccessVisibility; label: string; detail: string }[] = [
  { value: 'disabled', label: 'Disabled', detail: 'No one can use Codespaces billed to the organization.' },
  { value: 'selected_members', label: 'Selected members', detail: 'Only the members you choose.' },
  { value: 'all_members', label: 'All members', detail: 'Every member of the organization.' },
  {
    value: 'all_members_and_outside_collaborators',
    label: 'All members and outside collaborators',
    detail: 'Members, and collaborators on the organization’s repositories who are not members.',
  },
];

export const accessLabel = (visibility: CodespacesAccessVisibility) => ACCESS_CHOICES.find((c) => c.value === visibility)!.label;

/** A setting in words: "Selected members: mona and hubot". */
export function accessInWords({ visibility, usernames }: { visibility: CodespacesAccessVisibility; usernames: readonly string[] }): string {
  return visibility === 'selected_members' ? `Selected members: ${listInWords(usernames, 5)}` : accessLabel(visibility);
}

export interface AccessSetting {
  visibility: CodespacesAccessVisibility;
  usernames: string[];
}

/**
 * How to ask GitHub for a new setting. GitHub cannot be asked what the setting is now, so only
 * when the last change made here already chose members (`since`) and the new one chooses members
 * too is it sent as the people added and removed; otherwise as the whole setting.
 */
export type AccessChange =
  | { kind: 'set'; setting: AccessSetting }
  | { kind: 'members'; add: string[]; remove: string[]; setting: AccessSetting }
  | { kind: 'none'; setting: AccessSetting };

export function planAccessChange(since: AccessSetting | null, next: AccessSetting): AccessChange {
  const setting = { visibility: next.visibility, usernames: next.visibility === 'selected_members' ? [...next.usernames] : [] };
  if (since?.visibility !== 'selected_members' || next.visibility !== 'selected_members') return { kind: 'set', setting };
  const before = new Set(since.usernames.map((u) => u.toLowerCase()));
  const after = new Set(setting.usernames.map((u) => u.toLowerCase()));
  const add = setting.usernames.filter((u) => !before.has(u.toLowerCase()));
  const remove = since.usernames.filter((u) => !after.has(u.toLowerCase()));
  if (add.length === 0 && remove.length === 0) return { kind: 'none', setting };
  return { kind: 'members', add, remove, setting };
}

/** What the access dialog says will change. */
export function accessChangeInWords(org: string, change: AccessChange): string {
  if (change.kind === 'none') return `Nothing changes: this is what was last set here.`;
  if (change.kind === 'members') {
    const parts = [
      change.add.length ? `adds ${listInWords(change.add, 5)}` : '',
      change.remove.length ? `removes ${listInWords(change.remove, 5)}` : '',
    ].filter(Boolean);
    return `Among the members who may use Codespaces in ${org}, this ${parts.join(' and ')}.`;
  }
  const { visibility, usernames } = change.setting;
  if (visibility === 'disabled') return `No one will be able to use Codespaces billed to ${org}. Running codespaces are not stopped.`;
  if (visibility === 'selected_members')
    return usernames.length === 0
      ? `No member will be able to use Codespaces billed to ${org} until you choose some.`
      : `Only ${listInWords(usernames, 5)} will be able to use Codespaces billed to ${org}.`;
  if (visibility === 'all_members') return `Every member of ${org} will be able to use Codespaces billed to it.`;
  return `Every member of ${org}, and outside collaborators on its repositories, will be able to use Codespaces billed to it.`;
}
