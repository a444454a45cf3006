import type { ReactNode } from 'react';
import Link from 'next/link';
import { ArrowLeft, TriangleAlert } from 'lucide-react';
import { Page } from '@/components/layout/page';
import { Button, buttonClass } from '@/components/ui/button';

/** A page that says something went other than planned: what, and the ways on. Calm, centred, one heading. */
export function StatusPage({
  icon,
  code,
  title,
  children,
  actions,
}: {
  icon: ReactNode;
  /** A short label above the title, e.g. "404". */
  code?: string;
  title: ReactNode;
  children: ReactNode;
  actions: ReactNode;
}) {
  return (
    <Page width="narrow" className="items-center pt-16 text-center sm:pt-20">
      <div
        aria-hidden
        className="flex size-12 items-center justify-center rounded-full bg-zinc-200/70 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300"
      >
        {icon}
      </div>
      <div>
        {code && <p className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{code}</p>}
        <h1 className="mt-1 text-xl font-semibold tracking-tight">{title}</h1>
      </div>
      <div className="max-w-lg text-sm text-zinc-600 dark:text-zinc-400">{children}</div>
      <div className="mt-2 flex flex-wrap items-center justify-center gap-2">{actions}</div>
    </Page>
  );
}

/** The way on from a status page: back to the user's codespaces (the start page). */
export function HomeLink({ primary = false, children = 'Back to your codespaces' }: { primary?: boolean; children?: ReactNode }) {
  return (
    <Link href="/" className={buttonClass(primary ? 'primary' : undefined)}>
      <ArrowLeft aria-hidden className="size-4" /> {children}
    </Link>
  );
}

/**
 * An unexpected error's page: what went wrong, Try again (Next's `retry`), and the way home the
 * caller gives (a client link where the app still stands, a full load where it failed).
 */
export function ErrorStatusPage({
  title,
  retry,
  home,
  children,
}: {
  title: string;
  retry: () => void;
  home: ReactNode;
  children: ReactNode;
}) {
  return (
    <StatusPage
      icon={<TriangleAlert className="size-6" />}
      title={title}
      actions={
        <>
          <Button variant="primary" onClick={() => retry()}>
            Try again
          </Button>
          {home}
        </>
      }
    >
      {children}
    </StatusPage>
  );
}
