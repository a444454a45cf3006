import type { MutationCache, MutationMeta } from '@tanstack/react-query';

/**
 * One request at a time for the same action on the same thing: a double-click, a second click
 * before the first has answered, the row's button and the `s` shortcut (or the palette) on the same
 * codespace — the second is not sent. Every action control goes through this, by way of
 * `useActionMutation` (lib/hooks/use-action-mutation.ts).
 *
 * A mutation says what it acts on in its `meta` (`targets`, e.g. the codespace's name); one
 * without targets is one action at a time altogether.
 */

/** The `meta` part naming what a mutation's variables act on. */
export function actsOn<TVariables>(targets: (variables: TVariables) => readonly string[]): MutationMeta {
  return { targets: targets as (variables: unknown) => readonly string[] };
}

type ActionOptions = { mutationKey?: readonly unknown[]; meta?: MutationMeta };

/** Whether a request like this one (same mutation key, a target in common) is still on its way. */
export function isInFlight(cache: MutationCache, options: ActionOptions, variables: unknown): boolean {
  if (!options.mutationKey) return false;
  const targets = options.meta?.targets;
  const wanted = targets ? new Set(targets(variables)) : null;
  return cache
    .findAll({ mutationKey: options.mutationKey, exact: true, status: 'pending' })
    .some((mutation) => !wanted || (targets?.(mutation.state.variables) ?? []).some((target) => wanted.has(target)));
}
