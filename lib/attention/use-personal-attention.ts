'use client';

import { useMemo } from 'react';
import { lazyModule } from '@/lib/hooks/use-lazy-module';
import type { AttentionInput } from './domain/rules';
import type { PersonalAttentionItem } from './domain/personal';

const usePersonalRules = lazyModule(() => import('./domain/personal'));

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
  const rules = usePersonalRules();
  return useMemo(() => (rules ? rules.personalAttention(codespaces ?? [], now) : (initial ?? [])), [rules, codespaces, now, initial]);
}
