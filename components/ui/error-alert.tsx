import type { ReactNode } from 'react';
import { describeFailure } from '@/lib/api/client';
import { Alert } from './alert';

/** An error in words: what happened and what to do. */
export function ErrorAlert({
  error,
  fallbackTitle,
  onDismiss,
  action,
}: {
  error: unknown;
  fallbackTitle?: string;
  onDismiss?: () => void;
  action?: ReactNode;
}) {
  const { title, detail } = describeFailure(error, fallbackTitle);
  return (
    <Alert title={title} onDismiss={onDismiss} action={action}>
      {detail}
    </Alert>
  );
}
