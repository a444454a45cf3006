'use client';

import { useMutation, useQueryClient, type MutateOptions, type UseMutationOptions } from '@tanstack/react-query';
import { isInFlight } from '@/lib/query/in-flight';

/**
 * `useMutation` for an action a person triggers (a button, a shortcut, a palette command): `mutate`
 * sends nothing while the same action on the same target is still in flight, from this control or
 * any other (lib/queries/in-flight.ts). The check reads the mutation cache, which marks a mutation
 * pending the moment it is sent, so a second click never waits on a re-render to be refused.
 */
export function useActionMutation<TData, TError, TVariables, TContext>(options: UseMutationOptions<TData, TError, TVariables, TContext>) {
  const queryClient = useQueryClient();
  const mutation = useMutation(options);
  const mutate = (variables: TVariables, callbacks?: MutateOptions<TData, TError, TVariables, TContext>) => {
    if (isInFlight(queryClient.getMutationCache(), options, variables)) return;
    mutation.mutate(variables, callbacks);
  };
  return { ...mutation, mutate };
}
