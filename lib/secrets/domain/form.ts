import { normalizeSecretName, secretNameProblem, secretValueProblem } from './names';
import { listInWords } from '@/lib/format';
import type { SecretVisibility } from './names';

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
function hiddenRepositoriesProblem({ visibility, chosen, privateHidden }: RepositoryChoice): string | undefined {
  if (!privateHidden || visibility !== 'selected' || chosen > 0) return undefined;
  return 'Choose at least one repository. Private repositories are hidden from this list, so Hangar does not save the secret for none: grant repository access to see them all.';
}

export const hasErrors = (errors: SecretFormErrors) => Object.values(errors).some(Boolean);

export const SECRET_VISIBILITY_WORDS: Record<SecretVisibility, string> = {
  all: 'All repositories',
  private: 'Private repositories',
  selected: 'Selected repositories',
};

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
