'use client';

import dynamic from 'next/dynamic';
import type { ErrorAlertProps } from './error-alert-body';

/**
 * An error in words: what happened and what to do (for GitHub's refusals, with the link that
 * helps). The words (lib/transport/errors.ts, lib/github/refusals.ts) load when an error is shown:
 * rendered on the server when the first paint has one, right after it arrives otherwise.
 */
export const ErrorAlert = dynamic<ErrorAlertProps>(() => import('./error-alert-body').then((m) => m.ErrorAlertBody));
