/**
 * Hangar's app acts on `/orgs/{org}/…` of the organisation it was asked about, and on nothing
 * else: no user's endpoints, no repository's, no other organisation's. Pure; the installation
 * client asks before every call, on the route and again on the final URL.
 */

const ORG_ROUTE = '/orgs/{org}/';

/** Whether an operation's route is an organisation endpoint at all. */
export function isOrgRoute(route: string): boolean {
  return route.startsWith(ORG_ROUTE) && route.length > ORG_ROUTE.length;
}

/**
 * Whether a request URL is on `org`'s endpoints of the API at `apiUrl`: its path, once resolved
 * (dot segments and all), starts with the API's path and `/orgs/<org>/`. The organisation is
 * compared as GitHub does, ignoring case.
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
  return target.pathname.toLowerCase().startsWith(prefix) && target.pathname.length > prefix.length;
}
