'use client';

import { useEffect, useRef } from 'react';
import { listShortcut, moveSelection } from './keyboard';

export interface ListShortcutHandlers {
  /** The rows as shown (after filters and sort), by codespace name. */
  names: readonly string[];
  /** The keyboard-selected row, if any. */
  selected: string | null;
  /** Select a row (and bring it into view: a virtualised list scrolls to its index). */
  onSelect: (name: string) => void;
  /** Enter: open the selected codespace. */
  onOpen: (name: string) => void;
  /** s: start or stop the selected codespace, whichever its state allows. */
  onTogglePower: (name: string) => void;
  /** /: focus the list's text filter. */
  onFocusFilter: () => void;
  /** ?: show every shortcut. */
  onShowHelp: () => void;
  /** Off while something else owns the keyboard. */
  enabled?: boolean;
}

/**
 * The list's keyboard shortcuts (lib/hooks/keyboard.ts says which key does what and when a key
 * is the user's typing instead). One listener on the window, reading the latest handlers.
 */
export function useListShortcuts(handlers: ListShortcutHandlers) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { names, selected, onSelect, onOpen, onTogglePower, onFocusFilter, onShowHelp, enabled = true } = latest.current;
      if (!enabled) return;
      const shortcut = listShortcut(event);
      if (!shortcut) return;
      switch (shortcut) {
        case 'next':
        case 'previous': {
          const next = moveSelection(names, selected, shortcut === 'next' ? 1 : -1);
          if (!next) return;
          onSelect(next);
          break;
        }
        case 'open':
        case 'toggle-power':
          if (!selected || !names.includes(selected) || event.repeat) return;
          if (shortcut === 'open') onOpen(selected);
          else onTogglePower(selected);
          break;
        case 'filter':
          onFocusFilter();
          break;
        case 'help':
          onShowHelp();
          break;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
