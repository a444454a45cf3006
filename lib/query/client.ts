import { MutationCache, QueryCache, QueryClient, type Query } from '@tanstack/react-query';
import type { GithubWeb } from '@/lib/github/refusals';
import { toast } from '@/lib/notices/toasts';
import { FRESH_MS, shouldRetry } from './polling';

/**
 * A change's failure, said in a notice that stays until dismissed, with the link a refusal needs
 * (GitHub's sign-on page, or where an organisation's approval is asked for). The words load with
 * the first failure: `/`'s first load does without them.
 */
async function toastFailure(failure: string, error: unknown, web: GithubWeb | undefined) {
  const [{ describeFailure, refusalOf }, { refusalAction }] = await Promise.all([
    import('@/lib/transport/errors'),
    import('@/lib/github/refusals'),
  ]);
  const { title, detail } = describeFailure(error);
  const refusal = refusalOf(error);
  const action = refusal && web ? refusalAction(refusal, web) : undefined;
  toast.error(`${failure}: ${title}`, {
    description: detail,
    duration: Infinity,
    closeButton: true,
    action:
      action?.kind === 'link'
        ? { label: action.label, onClick: () => window.open(action.href, '_blank', 'noopener,noreferrer') }
        : undefined,
  });
}

/**
 * The page's query client: one retry policy for every query, and the one place that turns what
 * happens into words for the user — a change's own notices (meta.ts, with the link a refusal
 * needs), and what any query's news means to the user (`onQuerySuccess`, given by the app: the
 * codespaces they wait for, work at risk), on whichever page the user is.
 */
export function makeQueryClient({
  web,
  onQuerySuccess,
}: {
  web?: GithubWeb;
  onQuerySuccess?: (data: unknown, query: Query<unknown, unknown, unknown>) => void;
} = {}): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onSuccess: onQuerySuccess }),
    mutationCache: new MutationCache({
      onSuccess: (data, variables, _context, mutation) => {
        const message = mutation.meta?.notices?.success?.(data, variables);
        if (message) toast.success(message);
      },
      onError: (error, variables, _context, mutation) => {
        const failure = mutation.meta?.notices?.failure?.(variables);
        if (!failure) return;
        void toastFailure(failure, error, web);
      },
    }),
    defaultOptions: { queries: { staleTime: FRESH_MS, retry: shouldRetry } },
  });
}
