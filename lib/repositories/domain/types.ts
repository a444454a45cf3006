import type { components } from '@octokit/openapi-types';

/** GitHub's own shapes, from its OpenAPI description. */
export type Repository = components['schemas']['repository'];
/** `GET /repos/{owner}/{repo}`: a repository in full, with the signed-in user's permissions in it. */
export type RepositoryDetails = components['schemas']['full-repository'];
export type Branch = components['schemas']['short-branch'];
export type PullRequest = components['schemas']['pull-request-simple'];
export type PullRequestDetails = components['schemas']['pull-request'];
