import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { notices } from '@/lib/query/meta';
import { orgs } from './api';
import { accessInWords, MAX_USERNAMES, type AccessChange, type AccessSetting } from './domain/access';
import { orgKeys } from './queries';

// Who may use Codespaces in an organisation: apart from the other organisation queries, because
// only its settings page needs these (and their words), not every page the org menu is on.

/** `items` in pieces of at most `size` (GitHub takes at most 100 usernames a request). */
const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

export interface AccessLastSet {
  setting: AccessSetting;
  /** When GitHub accepted it (epoch ms). */
  at: number;
}

/**
 * What was last set here for who may use Codespaces in the organisation, or null. GitHub offers
 * no way to read the setting, so this is never fetched: only a change made here puts it in the
 * cache (and signing out clears it with the rest).
 */
export function codespacesAccessLastSetQuery(org: string) {
  return queryOptions({
    queryKey: orgKeys.codespacesAccess(org),
    queryFn: (): AccessLastSet | null => null,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/**
 * Who may use Codespaces billed to the organisation. GitHub answers 204 and offers no way to read
 * the setting back: the setting as sent is kept as "what was last set here".
 */
export function setCodespacesAccessMutation(queryClient: QueryClient, org: string) {
  return mutationOptions({
    mutationKey: [...orgKeys.codespacesAccess(org), 'set'],
    mutationFn: async (change: AccessChange): Promise<AccessSetting> => {
      if (change.kind === 'set') {
        const { visibility, usernames } = change.setting;
        const [first = [], ...rest] = chunks(usernames, MAX_USERNAMES);
        await orgs.setCodespacesAccess(org, visibility, visibility === 'selected_members' ? first : undefined);
        for (const more of rest) await orgs.addCodespacesAccessUsers(org, more);
      } else if (change.kind === 'members') {
        for (const added of chunks(change.add, MAX_USERNAMES)) await orgs.addCodespacesAccessUsers(org, added);
        for (const removed of chunks(change.remove, MAX_USERNAMES)) await orgs.removeCodespacesAccessUsers(org, removed);
      }
      return change.setting;
    },
    onSuccess: (setting: AccessSetting) => {
      const lastSet: AccessLastSet = { setting, at: Date.now() };
      queryClient.setQueryData(orgKeys.codespacesAccess(org), lastSet);
    },
    meta: notices<AccessSetting, AccessChange>({ success: (setting) => `Saved: ${accessInWords(setting)}` }),
  });
}
