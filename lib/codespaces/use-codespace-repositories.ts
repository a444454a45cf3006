'use client';

import { useQuery } from '@tanstack/react-query';
import { listMyCodespacesQuery } from '@/lib/codespaces/queries';

/**
 * The user's codespaces, as a source of the repositories they are in (lib/repositories/domain/known.ts),
 * read only where `wanted`: where GitHub hides private repositories from the session, the
 * codespaces still name the private ones the user works in.
 */
export function useCodespaceRepositories(wanted: boolean) {
  const codespaces = useQuery({ ...listMyCodespacesQuery(), enabled: wanted });
  return { codespaces: wanted ? codespaces.data?.items : undefined, loading: wanted && codespaces.isPending };
}
