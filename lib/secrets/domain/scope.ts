import type { SecretVisibility } from './names';

/** Where a secret lives: the signed-in user's own, a repository's (its administrators), or an organisation's (its owners). */
export type SecretScope = { kind: 'user' } | { kind: 'repository'; repo: string } | { kind: 'organization'; org: string };

/** What every scope's secrets have in common, as a list shows them. */
export interface Secret {
  name: string;
  updated_at: string;
  /** The user's and an organisation's: which repositories may use it (a repository's own has none to choose). */
  visibility?: SecretVisibility;
}

/** Whose secrets, in the words of a notice: "" for the user's own, " for mona/blog", " for octo-org". */
export function scopeOwner(scope: SecretScope): string | null {
  return scope.kind === 'repository' ? scope.repo : scope.kind === 'organization' ? scope.org : null;
}
