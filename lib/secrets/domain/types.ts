import type { components } from '@octokit/openapi-types';

/** GitHub's own shapes, from its OpenAPI description. */
export type UserSecret = components['schemas']['codespaces-secret'];
export type OrgSecret = components['schemas']['codespaces-org-secret'];
export type SecretRepository = components['schemas']['minimal-repository'];
