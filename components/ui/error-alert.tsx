'use client';

import { lazy, Suspense } from 'react';
import type { ErrorAlertProps } from './error-alert-body';

/*
 * An error in words: what happened and what to do (for GitHub's refusals, with the link that
 * helps). The words (lib/transport/errors.ts, lib/github/refusals.ts) are not in the first load:
 * rendered on the server when the first paint has an error, and loaded right after the first
 * paint otherwise (warmErrorWords), so that an error that comes once Hangar is unreachable still
 * has them. One import() kept as one promise: the warm-up and the alert load the same chunks.
 */

let words: Promise<typeof import('./error-alert-body')> | null = null;

/** Loads ErrorAlert's words ahead of any error (the root providers, after the first paint). */
export const warmErrorWords = () => (words ??= import('./error-alert-body'));

const ErrorAlertBody = lazy(() => warmErrorWords().then((m) => ({ default: m.ErrorAlertBody })));

export function ErrorAlert(props: ErrorAlertProps) {
  return (
    <Suspense fallback={null}>
      <ErrorAlertBody {...props} />
    </Suspense>
  );
}
