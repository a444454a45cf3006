'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { AuthMode } from '@/lib/config';

/** How this Hangar signs people in, for the few controls that differ (the sign-in button, the demo badge). */
const AuthModeContext = createContext<AuthMode>('github');

export function AuthModeProvider({ mode, children }: { mode: AuthMode; children: ReactNode }) {
  return <AuthModeContext.Provider value={mode}>{children}</AuthModeContext.Provider>;
}

export function useAuthMode(): AuthMode {
  return useContext(AuthModeContext);
}

/** Says plainly, in demo mode, that what the page shows is not anyone's real GitHub. */
export function DemoBadge() {
  if (useAuthMode() !== 'demo') return null;
  return (
    <span
      title="Hangar is running in demo mode: every codespace here comes from its built-in GitHub emulator."
      className="inline-flex shrink-0 items-center rounded-full border whitespace-nowrap border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      Demo data
    </span>
  );
}
