/**
 * Hangar's app acts on `/orgs/{org}/…` of the organisation it was asked about, and reads that
 * organisation's billing usage report (`/organizations/{org}/settings/billing/usage`, the one
 * organisation endpoint GitHub keeps under `/organizations/`: monthly budgets need it), and on
 * nothing else: no user's endpoints, no repository's, no other organisation's. Pure; the
 * installation client asks before every call, on the route and again on the final URL.
 */

const ORG_ROUTE = '/orgs/{org}/';
const BILLING_USAGE_ROUTE = '/organizations/{org}/settings/billing/usage';

/** Whether an operation's route is one of an organisation's endpoints the app may call. */
export function isOrgRoute(route: string): boolean {
  return (route.startsWith(ORG_ROUTE) && route.length > ORG_ROUTE.length) || route === BILLING_USAGE_ROUTE;
}

/**
 * Whether a request URL is on `org`'s endpoints of the API at `apiUrl`: its path, once resolved
 * (dot segments and all), starts with the API's path and `/orgs/<org>/`, or is the organisation's
 * billing usage report. The organisation is compared as GitHub does, ignoring case.
 */
export function isWithinOrganisation(url: string, apiUrl: string, org: string): boolean {
  let target: URL;
  let api: URL;
  try {
    target = new URL(url);
    api = new URL(apiUrl);
  } catch {
    return false;
  }
  if (target.origin !== api.origin) return false;
  const base = api.pathname.replace(/\/+$/, '');
  const prefix = `${base}/orgs/${encodeURIComponent(org)}/`.toLowerCase();
  // Encoded slashes or dots could change meaning on the way: refuse them outright.
  if (/%2f|%2e|%5c/i.test(target.pathname)) return false;
  const path = target.pathname.toLowerCase();
  if (path === `${base}/organizations/${encodeURIComponent(org)}/settings/billing/usage`.toLowerCase()) return true;
  return path.startsWith(prefix) && target.pathname.length > prefix.length;
}
