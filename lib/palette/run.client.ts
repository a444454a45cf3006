'use client';

import { describeFailure } from '@/lib/transport/errors';
import { codespaces } from '@/lib/codespaces/api';
import { toast } from '@/lib/notices/toasts';
import { safeWebUrl, sshCommand, vscodeUrl, type PaletteCodespace } from './domain/commands';

/**
 * Opens the codespace in a new tab at GitHub's `web_url`. When the data at hand does not carry it,
 * the tab is opened first (a tab opened after waiting for an answer would be blocked as a pop-up)
 * and sent there once GitHub has said where.
 */
export async function openInBrowser(codespace: PaletteCodespace) {
  const known = safeWebUrl(codespace.webUrl);
  if (known) {
    window.open(known, '_blank', 'noopener,noreferrer');
    return;
  }
  const tab = window.open('', '_blank');
  if (tab) tab.opener = null;
  try {
    const url = safeWebUrl((await codespaces.getMyCodespace(codespace.name)).web_url);
    if (!url) throw new Error('GitHub gave no web address for this codespace');
    if (tab) tab.location.href = url;
    else window.open(url, '_blank', 'noopener,noreferrer');
  } catch (error) {
    tab?.close();
    const { title, detail } = describeFailure(error);
    toast.error(`Could not open ${codespace.title}: ${title}`, { description: detail });
  }
}

export function openInVsCode(codespace: PaletteCodespace) {
  window.location.href = vscodeUrl(codespace.name);
}

export async function copySshCommand(codespace: PaletteCodespace) {
  const command = sshCommand(codespace.name);
  try {
    await navigator.clipboard.writeText(command);
    toast.success(`Copied: ${command}`);
  } catch {
    toast.error('Could not copy to the clipboard', { description: command });
  }
}
