import type { MutationMeta } from '@tanstack/react-query';

/**
 * What a change says when it succeeds or fails, carried in the mutation's `meta` and shown by one
 * place, the query client's mutation cache (lib/queries/query-client.ts): never by both a hook and
 * the dialog that called it. A dialog that shows its own error inline gives no `failure`.
 */
export interface Notices<TData, TVariables> {
  /** The toast once it is done. */
  success?: (data: TData, variables: TVariables) => string;
  /** The first words of the error toast; the error's own description follows. */
  failure?: (variables: TVariables) => string;
}

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      notices?: Notices<unknown, unknown>;
      /** What a request acts on, for the in-flight guard (lib/queries/in-flight.ts). */
      targets?: (variables: unknown) => readonly string[];
    };
  }
}

/** A mutation's `meta` holding its notices, typed for its own data and variables. */
export function notices<TData, TVariables>(said: Notices<TData, TVariables>): MutationMeta {
  return { notices: said as Notices<unknown, unknown> };
}
