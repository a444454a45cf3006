import { describe, expect, it } from 'vitest';
import { isPaletteShortcut, isTypingTarget, listShortcut, moveSelection, type KeyLike } from './keyboard';

const element = (tagName: string, extra: { type?: string; isContentEditable?: boolean; inside?: string } = {}) => ({
  tagName,
  type: extra.type,
  isContentEditable: extra.isContentEditable ?? false,
  closest: (selector: string) => (extra.inside && selector.includes(extra.inside) ? {} : null),
});
const body = element('BODY');
const press = (key: string, target: unknown = body, mods: Partial<KeyLike> = {}): KeyLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...mods,
});

describe('list shortcuts', () => {
  it('move with j/k and the arrows, open with Enter, start or stop with s, filter with /, help with ?', () => {
    expect(['j', 'ArrowDown', 'k', 'ArrowUp', 'Enter', 's', '/', '?'].map((key) => listShortcut(press(key)))).toEqual([
      'next',
      'next',
      'previous',
      'previous',
      'open',
      'toggle-power',
      'filter',
      'help',
    ]);
    expect(listShortcut(press('x'))).toBeNull();
  });

  it('never fire while typing in a field', () => {
    for (const field of [
      element('INPUT'),
      element('INPUT', { type: 'search' }),
      element('TEXTAREA'),
      element('SELECT'),
      element('DIV', { isContentEditable: true }),
    ]) {
      expect(['j', 's', '/', '?', 'Enter'].map((key) => listShortcut(press(key, field)))).toEqual([null, null, null, null, null]);
    }
  });

  it('work on a focused checkbox or button, but leave Enter to buttons and links', () => {
    expect(listShortcut(press('j', element('INPUT', { type: 'checkbox' })))).toBe('next');
    expect(listShortcut(press('s', element('BUTTON')))).toBe('toggle-power');
    expect(listShortcut(press('Enter', element('BUTTON')))).toBeNull();
    expect(listShortcut(press('Enter', element('A')))).toBeNull();
  });

  it('leave keys to open dialogs and menus, to other shortcuts with modifiers, and to input methods', () => {
    expect(listShortcut(press('j', element('DIV', { inside: 'dialog' })))).toBeNull();
    expect(listShortcut(press('j', element('DIV', { inside: 'menu' })))).toBeNull();
    expect(listShortcut(press('s', body, { metaKey: true }))).toBeNull();
    expect(listShortcut(press('k', body, { ctrlKey: true }))).toBeNull();
    expect(listShortcut(press('j', body, { isComposing: true }))).toBeNull();
    expect(listShortcut(press('j', body, { defaultPrevented: true }))).toBeNull();
  });

  it('knows a text field from other inputs', () => {
    expect(isTypingTarget(element('INPUT', { type: 'email' }))).toBe(true);
    expect(isTypingTarget(element('INPUT', { type: 'radio' }))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('moving the selection', () => {
  const names = ['a', 'b', 'c'];
  it('starts at the first going down and the last going up', () => {
    expect(moveSelection(names, null, 1)).toBe('a');
    expect(moveSelection(names, null, -1)).toBe('c');
    expect(moveSelection(names, 'gone', 1)).toBe('a');
  });
  it('moves one row and stops at the ends', () => {
    expect(moveSelection(names, 'a', 1)).toBe('b');
    expect(moveSelection(names, 'c', 1)).toBe('c');
    expect(moveSelection(names, 'a', -1)).toBe('a');
    expect(moveSelection([], 'a', 1)).toBeNull();
  });
});

describe('the palette shortcut', () => {
  it('is ⌘K or Ctrl+K, in any case', () => {
    expect(isPaletteShortcut(press('k', body, { metaKey: true }))).toBe(true);
    expect(isPaletteShortcut(press('K', body, { ctrlKey: true }))).toBe(true);
    expect(isPaletteShortcut(press('k'))).toBe(false);
    expect(isPaletteShortcut(press('k', body, { ctrlKey: true, altKey: true }))).toBe(false);
  });
});
