import type { ReactNode } from 'react';
import { Icon } from '@/components/ui/icon';

/** A message that stays until dismissed or resolved, for errors the user must know about. */
export function Alert({
  title,
  children,
  tone = 'error',
  onDismiss,
  action,
}: {
  title: string;
  children?: ReactNode;
  tone?: 'error' | 'warning';
  onDismiss?: () => void;
  action?: ReactNode;
}) {
  const colours =
    tone === 'error'
      ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/60 dark:text-red-100'
      : 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100';
  return (
    <div role="alert" className={`flex items-start gap-3 rounded-lg border px-4 py-3 text-sm ${colours}`}>
      <Icon name="alert-triangle" className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1">
        <p className="font-semibold">{title}</p>
        {children && <div className="mt-0.5 opacity-90">{children}</div>}
      </div>
      {action}
      {onDismiss && (
        <button type="button" onClick={onDismiss} aria-label="Dismiss" className="rounded p-0.5 opacity-70 hover:opacity-100">
          <Icon name="x" className="size-4" />
        </button>
      )}
    </div>
  );
}
