/**
 * The error pages (error-pages.tsx), loaded once for app/error.tsx and app/global-error.tsx, and
 * ahead of any error by the root providers after the first paint: an error that comes once Hangar
 * is unreachable still has its page. One import() kept as one promise, so every caller loads the
 * same chunks.
 */
let pages: Promise<typeof import('./error-pages')> | null = null;

export const loadErrorPages = () => (pages ??= import('./error-pages'));
