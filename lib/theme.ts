/**
 * Light, dark, or whatever the system says (the default). An explicit choice is remembered in this
 * browser and set as `data-theme` on <html> by a tiny inline script in the document's <head>, so
 * the first paint already has it; with no choice (or no script) `prefers-color-scheme` decides.
 * app/globals.css defines Tailwind's `dark:` variant on both.
 */

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

export const THEME_STORAGE_KEY = 'hangar.theme';

/** The attribute <html> carries for a stored choice: none for the system's (or anything unreadable). */
export function themeAttribute(stored: string | null | undefined): 'light' | 'dark' | null {
  return stored === 'light' || stored === 'dark' ? stored : null;
}

/**
 * Runs before the body is parsed. Kept to a few statements with no dependencies, and wrapped in
 * try: storage may be off (privacy modes), and a failure must never keep the page from rendering.
 */
export const THEME_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.setAttribute("data-theme",t)}catch(e){}`;

export function readTheme(): Theme {
  try {
    return themeAttribute(window.localStorage.getItem(THEME_STORAGE_KEY)) ?? 'system';
  } catch {
    return 'system';
  }
}

/** Applies a theme to this page at once and remembers it for the next. */
export function chooseTheme(theme: Theme): void {
  applyTheme(theme);
  try {
    if (theme === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Not remembered; this page still shows it.
  }
}

export function applyTheme(theme: Theme): void {
  const attribute = themeAttribute(theme);
  if (attribute) document.documentElement.setAttribute('data-theme', attribute);
  else document.documentElement.removeAttribute('data-theme');
}
