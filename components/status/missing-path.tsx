'use client';

import { usePathname } from 'next/navigation';

/** The address that led nowhere, as the user typed or followed it. */
export function MissingPath() {
  const pathname = usePathname();
  if (!pathname) return <>this address</>;
  return (
    <code className="rounded bg-zinc-200/70 px-1 py-0.5 font-mono text-xs break-all text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
      {pathname}
    </code>
  );
}

/** The `owner/repo` of a `/repos/<owner>/<repo>` address that led nowhere, as the user typed it. */
export function MissingRepositoryName() {
  const [, , owner, repo] = (usePathname() ?? '').split('/');
  return <>{owner && repo ? `${decodeURIComponent(owner)}/${decodeURIComponent(repo)}` : 'this repository'}</>;
}
