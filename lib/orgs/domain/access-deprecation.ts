/**
 * Who may use Codespaces in an organisation is set through endpoints GitHub's REST description
 * marks `deprecated: true` (operations codespaces/set-codespaces-access, set-codespaces-access-users
 * and delete-codespaces-access-users). They still work, and Hangar keeps using them; the settings
 * page says so, and points owners to the same setting on GitHub. Pure.
 */

/**
 * GitHub's own Codespaces settings of the organisation (Settings › Codespaces › General, where
 * "Codespaces access" is, as GitHub's "Enabling GitHub Codespaces for your organization" describes),
 * on `$GITHUB_WEB_URL`.
 */
export function orgCodespacesSettingsUrl(webUrl: string, org: string): string {
  return `${webUrl.replace(/\/+$/, '')}/organizations/${encodeURIComponent(org)}/settings/codespaces`;
}
