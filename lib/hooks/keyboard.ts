/**
 * Keyboard shortcuts, pure: which key does what, and when a key belongs to the user's typing
 * instead. No DOM types needed, so the rules are unit tested without a browser.
 */

interface TargetLike {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
  closest?: (selector: string) => unknown;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
  defaultPrevented?: boolean;
  target: unknown;
}

const NOT_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** Whether keys typed now go into a field: a text input, a text area, a select or editable content. */
export function isTypingTarget(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false;
  const element = target as TargetLike;
  if (element.isContentEditable) return true;
  const tag = element.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NOT_TEXT_INPUTS.has((element.type ?? 'text').toLowerCase());
}

/** Inside an open dialog or menu, keys are theirs. */
function inOverlay(target: unknown): boolean {
  const element = target as TargetLike | null;
  return (
    typeof element?.closest === 'function' &&
    Boolean(element.closest('[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]'))
  );
}

/** ⌘K on a Mac, Ctrl+K elsewhere (either works everywhere): opens and closes the command palette. */
export function isPaletteShortcut(event: Pick<KeyLike, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey) && !event.altKey;
}

export type ListShortcut = 'next' | 'previous' | 'open' | 'toggle-power' | 'filter' | 'help';

/** What a key press means on the codespace list, or null when it is not a shortcut here and now. */
export function listShortcut(event: KeyLike): ListShortcut | null {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target) || inOverlay(event.target)) return null;
  const tag = (event.target as TargetLike | null)?.tagName?.toUpperCase();
  switch (event.key) {
    case 'j':
    case 'ArrowDown':
      return 'next';
    case 'k':
    case 'ArrowUp':
      return 'previous';
    case 'Enter':
      // A focused button or link does its own thing on Enter.
      return tag === 'BUTTON' || tag === 'A' ? null : 'open';
    case 's':
      return 'toggle-power';
    case '/':
      return 'filter';
    case '?':
      return 'help';
    default:
      return null;
  }
}

/**
 * The row a move lands on: from nothing selected, down goes to the first and up to the last; at
 * either end it stays (no wrapping round a long list). A selection no longer shown starts afresh.
 */
export function moveSelection(names: readonly string[], current: string | null, direction: 1 | -1): string | null {
  if (names.length === 0) return null;
  const index = current === null ? -1 : names.indexOf(current);
  if (index === -1) return direction === 1 ? names[0]! : names[names.length - 1]!;
  return names[Math.min(names.length - 1, Math.max(0, index + direction))]!;
}

/** Every shortcut, for the `?` dialog and the README. */
export const SHORTCUTS: readonly { keys: readonly string[]; does: string }[] = [
  { keys: ['⌘K', 'Ctrl K'], does: 'Search or run a command (anywhere)' },
  { keys: ['j', '↓'], does: 'Select the next codespace' },
  { keys: ['k', '↑'], does: 'Select the previous codespace' },
  { keys: ['Enter'], does: 'Open the selected codespace' },
  { keys: ['s'], does: 'Start or stop the selected codespace' },
  { keys: ['/'], does: 'Filter the list' },
  { keys: ['?'], does: 'Show these shortcuts' },
];
