'use client';

import type { QueryClient } from '@tanstack/react-query';
import { describeFailure, githubApi } from '@/lib/api/client';
import type { Codespace, CodespaceState } from '@/lib/codespaces/types';
import { notify } from '@/lib/notify';
import { patchCodespaceState } from '@/lib/queries/codespaces';
import { queryKeys } from '@/lib/queries/keys';
import { safeWebUrl, sshCommand, vscodeUrl, type PaletteCodespace } from './commands';
import { cachedCodespace } from './data';

const codespacePath = (name: string) => `/user/codespaces/${encodeURIComponent(name)}`;
const ON_THE_WAY: Record<'start' | 'stop', CodespaceState> = { start: 'Starting', stop: 'ShuttingDown' };

/**
 * Start or stop from the palette: `POST /user/codespaces/{name}/start|stop` through the proxy. The
 * list shows the state on its way at once, and polling follows it to the end. The one place to
 * change when the data layer offers its own mutation.
 */
export async function powerFromPalette(queryClient: QueryClient, codespace: PaletteCodespace, action: 'start' | 'stop') {
  const previous = codespace.state;
  patchCodespaceState(queryClient, codespace.name, ON_THE_WAY[action]);
  try {
    await githubApi<Codespace>(`${codespacePath(codespace.name)}/${action}`, { method: 'POST' });
    notify.success(`${action === 'start' ? 'Starting' : 'Stopping'} ${codespace.title}`);
  } catch (error) {
    patchCodespaceState(queryClient, codespace.name, previous);
    const { title, detail } = describeFailure(error);
    notify.error(`Could not ${action} ${codespace.title}: ${title}`, { description: detail, duration: Infinity, closeButton: true });
  } finally {
    void queryClient.invalidateQueries({ queryKey: queryKeys.codespaces });
  }
}

/**
 * Opens the codespace in a new tab at GitHub's `web_url`. When the data at hand does not carry it,
 * the tab is opened first (a tab opened after waiting for an answer would be blocked as a pop-up)
 * and sent there once GitHub has said where.
 */
export async function openInBrowser(queryClient: QueryClient, codespace: PaletteCodespace) {
  const known = safeWebUrl(codespace.webUrl) ?? safeWebUrl(cachedCodespace(queryClient, codespace.name)?.web_url);
  if (known) {
    window.open(known, '_blank', 'noopener,noreferrer');
    return;
  }
  const tab = window.open('', '_blank');
  if (tab) tab.opener = null;
  try {
    const { data } = await githubApi<Codespace>(codespacePath(codespace.name));
    const url = safeWebUrl(data.web_url);
    if (!url) throw new Error('GitHub gave no web address for this codespace');
    if (tab) tab.location.href = url;
    else window.open(url, '_blank', 'noopener,noreferrer');
  } catch (error) {
    tab?.close();
    const { title, detail } = describeFailure(error);
    notify.error(`Could not open ${codespace.title}: ${title}`, { description: detail });
  }
}

export function openInVsCode(codespace: PaletteCodespace) {
  window.location.href = vscodeUrl(codespace.name);
}

export async function copySshCommand(codespace: PaletteCodespace) {
  const command = sshCommand(codespace.name);
  try {
    await navigator.clipboard.writeText(command);
    notify.success(`Copied: ${command}`);
  } catch {
    notify.error('Could not copy to the clipboard', { description: command });
  }
}
