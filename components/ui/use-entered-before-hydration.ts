'use client';

import { useLayoutEffect, useRef } from 'react';

/**
 * A control in the server's first paint can be typed in or picked before React hydrates it. React
 * adopts the element as it finds it, but the state behind it starts from the server's value: the
 * page would act on that, and its next render would put it back in the control. Once, as the
 * control hydrates (before the browser paints again), this hands what was entered to `adopt`.
 * Put the returned ref on the control; `value` is what the state holds.
 */
export function useEnteredBeforeHydration<E extends HTMLInputElement | HTMLSelectElement>(value: string, adopt: (entered: string) => void) {
  const ref = useRef<E>(null);
  useLayoutEffect(() => {
    const entered = ref.current?.value;
    if (entered !== undefined && entered !== value) adopt(entered);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on hydration only; later changes come through the control's events
  }, []);
  return ref;
}
