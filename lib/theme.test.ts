import { describe, expect, it } from 'vitest';
import { THEME_SCRIPT, THEME_STORAGE_KEY, themeAttribute } from './theme';

/** Runs the head script against a stand-in document and storage, as the browser would before the first paint. */
function runHeadScript(storage: { getItem(key: string): string | null }) {
  const attributes = new Map<string, string>();
  const document = { documentElement: { setAttribute: (name: string, value: string) => attributes.set(name, value) } };
  new Function('localStorage', 'document', THEME_SCRIPT)(storage, document);
  return attributes.get('data-theme') ?? null;
}

describe('the theme before first paint', () => {
  it('sets the remembered light or dark choice on <html>', () => {
    expect(runHeadScript({ getItem: (key) => (key === THEME_STORAGE_KEY ? 'dark' : null) })).toBe('dark');
    expect(runHeadScript({ getItem: (key) => (key === THEME_STORAGE_KEY ? 'light' : null) })).toBe('light');
  });

  it('leaves the system to decide without a choice, with anything else stored, or when storage is off', () => {
    expect(runHeadScript({ getItem: () => null })).toBeNull();
    expect(runHeadScript({ getItem: () => 'purple"><script>' })).toBeNull();
    expect(
      runHeadScript({
        getItem: () => {
          throw new Error('SecurityError');
        },
      }),
    ).toBeNull();
  });

  it('maps stored values to the attribute the same way in the script and in the app', () => {
    expect(themeAttribute('dark')).toBe('dark');
    expect(themeAttribute('system')).toBeNull();
    expect(themeAttribute(undefined)).toBeNull();
  });
});
