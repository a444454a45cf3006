'use client';

import { useEffect, useMemo, useState } from 'react';
import type { AttentionInput } from './domain/rules';
import type { PersonalAttentionItem } from './domain/personal';

type PersonalRules = typeof import('./domain/personal');
/** Once loaded, for every page after it. */
let loadedRules: PersonalRules | null = null;

/**
 * The user's own "needs attention" among these codespaces, now. Its rules and their wording
 * (personal.ts, rules.ts) are not in `/`'s first-load JS: the first paint shows what the server
 * worked out with the same rules (`initial`, app/page.tsx; null when it had no list), and they are
 * loaded right after it to follow every change of the list and the clock.
 */
export function usePersonalAttention<T extends AttentionInput>(
  codespaces: readonly T[] | undefined,
  now: number,
  initial: PersonalAttentionItem<T>[] | null,
): PersonalAttentionItem<T>[] {
  const [rules, setRules] = useState(loadedRules);
  useEffect(() => {
    if (rules) return;
    let live = true;
    void import('./domain/personal').then((module) => {
      loadedRules = module;
      if (live) setRules(module);
    });
    return () => {
      live = false;
    };
  }, [rules]);
  return useMemo(() => (rules ? rules.personalAttention(codespaces ?? [], now) : (initial ?? [])), [rules, codespaces, now, initial]);
}
