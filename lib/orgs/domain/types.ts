import type { components } from '@octokit/openapi-types';

/** GitHub's own shapes, from its OpenAPI description. */
export type OrgMember = components['schemas']['simple-user'];
export type OrgRepository = components['schemas']['minimal-repository'];

/** What Hangar keeps of an organisation the user belongs to. */
export interface OrganizationSummary {
  login: string;
  id: number;
  avatar_url: string;
  description: string | null;
}
