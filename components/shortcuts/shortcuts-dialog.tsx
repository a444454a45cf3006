'use client';

import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SHORTCUTS } from '@/lib/hooks/keyboard';

/** Every keyboard shortcut, opened with `?`. Keys never fire while typing in a field. */
export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Keyboard shortcuts"
      description="They work anywhere on the list, except while you type in a field."
    >
      <table className="w-full text-sm">
        <thead className="sr-only">
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.does}>
              <td className="py-1.5 pr-4 whitespace-nowrap">
                {shortcut.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && <span className="px-1 text-xs text-zinc-500 dark:text-zinc-400">or</span>}
                    <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-sans text-xs dark:border-zinc-700 dark:bg-zinc-800">
                      {key}
                    </kbd>
                  </span>
                ))}
              </td>
              <td className="py-1.5 text-zinc-700 dark:text-zinc-300">{shortcut.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* Escape and a click outside close it too; a button says so to everyone (and works by touch). */}
      <div className="mt-5 flex justify-end">
        <Button onClick={() => onOpenChange(false)}>Close</Button>
      </div>
    </Dialog>
  );
}
