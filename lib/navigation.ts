/** The header's places, in order: where each link goes, and which addresses belong to it. */
export const MAIN_LINKS = [
  // A codespace's page and a repository's list codespaces too: they are under Codespaces.
  { href: '/', label: 'Codespaces', section: ['/codespaces/', '/repos/'] },
  { href: '/usage', label: 'Usage', section: [] },
  { href: '/secrets', label: 'Secrets', section: [] },
] as const;

/**
 * What `aria-current` a header link takes on this page: `page` on the page it links to, `true`
 * on a page within its section (a codespace under Codespaces), none elsewhere.
 */
export function currentMarker(pathname: string, link: { href: string; section: readonly string[] }): 'page' | 'true' | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === link.href) return 'page';
  if (link.section.some((prefix) => path.startsWith(prefix))) return 'true';
  return undefined;
}

/** Whether the page is one of an organisation's (the header's Organizations menu is then the current place). */
export const inOrganizations = (pathname: string): boolean => pathname.startsWith('/orgs/');
