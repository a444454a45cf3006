import 'server-only';
import { githubClient } from '@/lib/github/client';
import type { Codespace } from '@/lib/codespaces/types';

/**
 * Typed server-side reads of the Codespaces API, for first paints rendered with data.
 * The browser goes through the proxy instead; both see the same GitHub shapes.
 */

export async function listMyCodespaces(token: string): Promise<Codespace[]> {
  return githubClient(token).paginate('GET /user/codespaces', { per_page: 100 });
}

export async function getMyCodespace(token: string, name: string): Promise<Codespace> {
  const { data } = await githubClient(token).request('GET /user/codespaces/{codespace_name}', { codespace_name: name });
  return data;
}
