import type { components } from '@octokit/openapi-types';

/** GitHub's own shapes, from its OpenAPI description. */
export type PersonalUsageSummary = components['schemas']['billing-usage-summary-report-user'];
