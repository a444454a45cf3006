'use client';

import type { ReactNode } from 'react';
import dynamic from 'next/dynamic';
import { useGithubWeb } from '@/components/github/github-web';
import { describeFailure, refusalOf } from '@/lib/transport/errors';
import { Alert } from './alert';
import { Button } from './button';

// GitHub's refusals are rare: what links them loads when one is shown.
const RefusalMessage = dynamic(() => import('@/components/github/refusal-message').then((m) => m.RefusalMessage));

export interface ErrorAlertProps {
  error: unknown;
  fallbackTitle?: string;
  onDismiss?: () => void;
  /** Offers "Try again" (unless `action` offers something else). */
  onRetry?: () => void;
  action?: ReactNode;
  /** `warning` when the page still shows what it last had. */
  tone?: 'error' | 'warning';
  /** Said after the error's own words, e.g. "Showing what was last loaded." */
  children?: ReactNode;
}

/** An error in words: what happened and what to do (for GitHub's refusals, with the link that helps). Loaded by error-alert.tsx. */
export function ErrorAlertBody({ error, fallbackTitle, onDismiss, onRetry, action, tone, children }: ErrorAlertProps) {
  const web = useGithubWeb();
  const { title, detail } = describeFailure(error, fallbackTitle);
  const refusal = refusalOf(error);
  const retry = onRetry && (
    <Button size="sm" onClick={onRetry}>
      Try again
    </Button>
  );
  return (
    <Alert title={title} onDismiss={onDismiss} action={action ?? retry} tone={tone}>
      {detail}
      {children && <> {children}</>}
      {refusal && (
        <p className="mt-1">
          <RefusalMessage refusal={refusal} web={web} />
        </p>
      )}
    </Alert>
  );
}
