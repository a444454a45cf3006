'use client';

import { useEffect, useState } from 'react';

/**
 * A hook that loads a module after the first paint (keeping it out of the page's first-load JS)
 * and gives null until it is in; once loaded, every later page has it at once. `load` must be an
 * `import()` the caller writes itself, and the module must not also be imported statically: the
 * bundler would then keep it in the first load.
 */
export function lazyModule<M>(load: () => Promise<M>): () => M | null {
  let loaded: M | null = null;
  return function useLazyModule() {
    const [module, setModule] = useState(loaded);
    useEffect(() => {
      if (module) return;
      let live = true;
      void load().then((value) => {
        loaded = value;
        if (live) setModule(value);
      });
      return () => {
        live = false;
      };
    }, [module]);
    return module;
  };
}
