'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { GithubWeb } from '@/lib/github/refusals';

const GithubWebContext = createContext<GithubWeb>({ webUrl: null, clientId: null });

/**
 * GitHub's web host (`$GITHUB_WEB_URL`) and Hangar's OAuth client id, neither secret, given by
 * the root layout from the server's configuration: what refusal messages may link to.
 */
export function GithubWebProvider({ value, children }: { value: GithubWeb; children: ReactNode }) {
  return <GithubWebContext.Provider value={value}>{children}</GithubWebContext.Provider>;
}

export function useGithubWeb(): GithubWeb {
  return useContext(GithubWebContext);
}
