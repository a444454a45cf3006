/**
 * What a repository's page can show, from what GitHub answered for the repository itself and for
 * the user's codespaces in it. The two differ for a private repository and an OAuth App's token
 * without the `repo` scope: GitHub answers 404 for the repository (it does not confirm what it
 * hides) yet lists the codespaces (the `codespace` scope covers them). Only when both say 404 is
 * there no such repository for this user.
 */

export type RepositoryStanding =
  /** Not yet known. */
  | 'loading'
  /** The repository's own details answered: everything can be shown. */
  | 'shown'
  /** The repository hides from this token, but its codespaces answer: it exists. */
  | 'hidden'
  /** Neither answers: no repository by that name that this user can see. */
  | 'not-found'
  /** GitHub failed otherwise (a 5xx, a refusal): the page says so and keeps what it has. */
  | 'failed';

/** One request's outcome: loaded, still on its way, or refused with GitHub's status. */
export interface Answer {
  loaded: boolean;
  /** The HTTP status of a failure; undefined while loading or when it succeeded. */
  failedWith?: number;
}

/** A query's outcome as an Answer: loaded, or the HTTP status of its failure (0 for a failure without one). */
export function answerOf(query: { data: unknown; error: unknown }): Answer {
  if (query.data !== undefined) return { loaded: true };
  if (!query.error) return { loaded: false };
  const status = (query.error as { status?: unknown }).status;
  return { loaded: false, failedWith: typeof status === 'number' ? status : 0 };
}

export function repositoryStanding(details: Answer, codespaces: Answer): RepositoryStanding {
  if (details.loaded) return 'shown';
  if (details.failedWith === undefined) return 'loading';
  if (details.failedWith !== 404) return 'failed';
  if (codespaces.loaded) return 'hidden';
  if (codespaces.failedWith === undefined) return 'loading';
  return codespaces.failedWith === 404 ? 'not-found' : 'failed';
}
