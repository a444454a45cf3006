'use client';

import { useEffect, useLayoutEffect, useRef } from 'react';
import { usePathname } from 'next/navigation';
import { PLACE } from './focus-places';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]';

interface Place {
  attribute: 'data-focus-slot' | 'data-focus-fallback';
  key: string;
}

/** The places around an element, innermost first. */
function placesAround(element: Element): Place[] {
  const places: Place[] = [];
  for (let node = element.closest(PLACE); node; node = node.parentElement?.closest(PLACE) ?? null) {
    const slot = node.getAttribute('data-focus-slot');
    places.push(
      slot !== null
        ? { attribute: 'data-focus-slot', key: slot }
        : { attribute: 'data-focus-fallback', key: node.getAttribute('data-focus-fallback')! },
    );
  }
  return places;
}

/** Whether focus can stay on the element: still in the page, and not disabled. */
const holdsFocus = (element: Element) => element.isConnected && !(element as HTMLButtonElement).disabled;

type Focused = { element: Element; places: Place[] } | null;

/**
 * Keeps the keyboard's focus from falling to `<body>` when the control that had it is disabled or
 * removed by a state change (see `focusSlot` in focus-places.ts). A click elsewhere is the user's
 * own move, and a new page starts afresh: both are left alone. Mounted once, for every page.
 */
export function FocusKeeper() {
  /** The last element focused inside a place, and its places. */
  const lastRef = useRef<Focused>(null);
  const pathname = usePathname();
  // Before the new page's DOM is observed: what was focused on the old page is no guide on it.
  useLayoutEffect(() => {
    lastRef.current = null;
  }, [pathname]);

  useEffect(() => {
    const state = lastRef;

    const onFocusIn = (event: FocusEvent) => {
      const element = event.target as Element;
      const places = placesAround(element);
      state.current = places.length ? { element, places } : null;
    };
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget || !state.current) return;
      const left = state.current;
      // After this event: was the control taken away (keep it in mind) or did the user click away?
      setTimeout(() => {
        if (state.current === left && holdsFocus(left.element) && lost()) state.current = null;
      });
    };
    const lost = () => {
      const active = document.activeElement;
      return !active || active === document.body || !holdsFocus(active);
    };
    const restore = () => {
      const active = document.activeElement;
      // Parked on a place until its control arrived: move onto the control.
      if (active?.hasAttribute('data-focus-slot')) {
        const control = active.querySelector<HTMLElement>(FOCUSABLE);
        if (control) control.focus({ preventScroll: true });
        return;
      }
      if (!state.current || !lost() || holdsFocus(state.current.element)) return;
      for (const place of state.current.places) {
        const found = document.querySelector<HTMLElement>(`[${place.attribute}="${CSS.escape(place.key)}"]`);
        if (!found) continue;
        const target = (place.attribute === 'data-focus-slot' && found.querySelector<HTMLElement>(FOCUSABLE)) || found;
        target.focus({ preventScroll: true });
        return;
      }
      state.current = null;
    };

    const observer = new MutationObserver(restore);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, []);
  return null;
}
