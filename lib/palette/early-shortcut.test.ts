// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EARLY_PALETTE_SCRIPT, handOverEarlyPaletteShortcut } from './early-shortcut';

const press = (init: KeyboardEventInit) => {
  const event = new KeyboardEvent('keydown', { cancelable: true, ...init });
  window.dispatchEvent(event);
  return event;
};
// The inline script, run as the document's head would run it.
const runInlineScript = () => new Function(EARLY_PALETTE_SCRIPT)();

afterEach(() => handOverEarlyPaletteShortcut(() => {}));

describe('Ctrl+K / ⌘K before the page hydrates', () => {
  it('is noted, kept from the browser, and opens the palette when the header takes over', () => {
    runInlineScript();
    expect(press({ key: 'k', ctrlKey: true }).defaultPrevented).toBe(true);
    const open = vi.fn();
    handOverEarlyPaletteShortcut(open);
    expect(open).toHaveBeenCalledOnce();
  });

  it('pressed twice, closes the palette-to-be, as it would close the palette', () => {
    runInlineScript();
    press({ key: 'K', metaKey: true });
    press({ key: 'k', metaKey: true });
    const open = vi.fn();
    handOverEarlyPaletteShortcut(open);
    expect(open).not.toHaveBeenCalled();
  });

  it('ignores other keys, and stops listening once handed over', () => {
    runInlineScript();
    expect(press({ key: 'k' }).defaultPrevented).toBe(false);
    expect(press({ key: 'k', ctrlKey: true, altKey: true }).defaultPrevented).toBe(false);
    handOverEarlyPaletteShortcut(() => {});
    expect(press({ key: 'k', ctrlKey: true }).defaultPrevented).toBe(false);
    const open = vi.fn();
    handOverEarlyPaletteShortcut(open);
    expect(open).not.toHaveBeenCalled();
  });
});
