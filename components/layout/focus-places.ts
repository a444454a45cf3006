/**
 * Marks a place whose control changes under the keyboard's focus (Stop becomes Start, a row
 * leaves a filtered list). When the focused control is disabled or removed by such a change,
 * focus goes to the same place as it is now, found by this attribute's value:
 * - `data-focus-slot="<key>"`: its first focusable control, else the place itself (it must have
 *   `tabIndex={-1}`), until a control appears there;
 * - `data-focus-fallback="<key>"`: the place itself (e.g. the list, when the row is gone).
 * Nested places are tried from the innermost out.
 */
export const focusSlot = (key: string) => ({ 'data-focus-slot': key, tabIndex: -1 }) as const;
export const focusFallback = (key: string) => ({ 'data-focus-fallback': key, tabIndex: -1 }) as const;

/** Every place, for `closest`. */
export const PLACE = '[data-focus-slot], [data-focus-fallback]';
