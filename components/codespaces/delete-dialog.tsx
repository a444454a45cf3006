'use client';

import { useState } from 'react';
import { AlertTriangle } from 'lucide-react';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { codespaceTitle, workAtRisk } from '@/lib/codespaces/domain/state';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { pluralize } from '@/lib/format';

/**
 * Confirms a delete. When the codespace holds work that exists nowhere else, it says what,
 * and the user must type the codespace's name before Delete is enabled.
 */
export function DeleteDialog({
  codespace,
  open,
  onOpenChange,
  onConfirm,
  pending,
}: {
  codespace: CodespaceSummary;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
  pending: boolean;
}) {
  const title = codespaceTitle(codespace);
  const risk = workAtRisk(codespace);
  const [typed, setTyped] = useState('');
  const confirmed = !risk.atRisk || typed.trim() === title;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setTyped('');
        onOpenChange(next);
      }}
      title={`Delete ${title}?`}
      description={<>The codespace and everything in it are removed for good. This cannot be undone.</>}
    >
      {risk.atRisk && (
        <div className="mb-4 flex gap-3 rounded-lg border border-orange-300 bg-orange-50 p-3 text-sm text-orange-900 dark:border-orange-800 dark:bg-orange-950/50 dark:text-orange-100">
          <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
          <div>
            <p className="font-semibold">{title} has work that is not on GitHub:</p>
            <ul className="mt-1 list-disc pl-5">
              {risk.ahead > 0 && <li>{pluralize(risk.ahead, 'commit')} not pushed</li>}
              {risk.unpushed && risk.ahead === 0 && <li>unpushed changes</li>}
              {risk.uncommitted && <li>uncommitted changes</li>}
            </ul>
            <p className="mt-1">Export it to a branch first, or delete it anyway.</p>
          </div>
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (confirmed && !pending) onConfirm();
        }}
      >
        {risk.atRisk && (
          <label className="mb-4 block text-sm">
            Type <strong className="font-mono">{title}</strong> to confirm
            <input
              autoFocus
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              className="mt-1.5 h-9 w-full rounded-md border border-zinc-300 bg-white px-2.5 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-950"
            />
          </label>
        )}
        <DialogActions
          submitLabel="Delete codespace"
          pendingLabel="Deleting…"
          pending={pending}
          disabled={!confirmed}
          danger
          onCancel={() => onOpenChange(false)}
        />
      </form>
    </Dialog>
  );
}
