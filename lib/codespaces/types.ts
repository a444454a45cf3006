import type { components } from '@octokit/openapi-types';

/** GitHub's own shapes, from its OpenAPI description. */
export type Codespace = components['schemas']['codespace'];
export type CodespaceState = Codespace['state'];
export type CodespaceMachine = components['schemas']['codespace-machine'];
export type CodespaceExport = components['schemas']['codespace-export-details'];
export type GitHubUser = components['schemas']['simple-user'];
