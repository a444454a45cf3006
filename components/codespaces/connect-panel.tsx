'use client';

import { useState } from 'react';
import { Check, Copy, ExternalLink } from 'lucide-react';
import { actionAvailability } from '@/lib/codespaces/domain/state';
import type { Codespace } from '@/lib/codespaces/domain/types';
import { buttonClass } from '@/components/ui/button';
import { ActionButton } from './action-button';

/**
 * Ways into the codespace: the browser, VS Code, or a terminal over `gh`. When the codespace
 * cannot be opened now (GitHub has an operation pending on it), each is disabled with the reason.
 */
export function ConnectPanel({ codespace }: { codespace: Codespace }) {
  const command = `gh codespace ssh -c ${codespace.name}`;
  const [copied, setCopied] = useState(false);
  const availability = actionAvailability(codespace, 'connect');
  if (!availability.allowed) {
    return (
      <section aria-label="Connect" className="flex flex-wrap items-center gap-2">
        <ActionButton label="Open in browser" availability={availability}>
          <ExternalLink aria-hidden className="size-4" /> Open in browser
        </ActionButton>
        <ActionButton label="Open in VS Code" availability={availability}>
          Open in VS Code
        </ActionButton>
      </section>
    );
  }
  return (
    <section aria-label="Connect" className="flex flex-wrap items-center gap-2">
      <a href={codespace.web_url} target="_blank" rel="noreferrer" className={buttonClass()}>
        <ExternalLink aria-hidden className="size-4" /> Open in browser
      </a>
      <a href={`vscode://github.codespaces/connect?name=${encodeURIComponent(codespace.name)}`} className={buttonClass()}>
        Open in VS Code
      </a>
      <div className="flex h-9 min-w-0 items-center overflow-hidden rounded-md border border-zinc-300 bg-zinc-50 text-sm dark:border-zinc-700 dark:bg-zinc-950">
        <code className="truncate px-3 font-mono text-xs">{command}</code>
        <button
          type="button"
          aria-label={copied ? 'Copied SSH command' : 'Copy SSH command'}
          onClick={async () => {
            await navigator.clipboard.writeText(command);
            setCopied(true);
            setTimeout(() => setCopied(false), 2000);
          }}
          className="flex h-full items-center border-l border-zinc-300 px-2.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          {copied ? <Check aria-hidden className="size-4 text-emerald-600" /> : <Copy aria-hidden className="size-4" />}
        </button>
      </div>
    </section>
  );
}
