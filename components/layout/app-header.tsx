import Link from 'next/link';
import type { SignedInUser } from '@/lib/auth/token';
import { PaletteTrigger } from '@/components/palette/palette-trigger';
import { DemoBadge } from './auth-mode';
import { HangarMark } from './hangar-mark';
import { OrgMenu } from './org-menu';
import { UserMenu } from './user-menu';

/** Opaque rather than translucent with a backdrop blur: the blur re-rasterised under every scroll and list update. */
export function AppHeader({ user }: { user: SignedInUser }) {
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <div className="mx-auto flex h-14 w-full max-w-7xl items-center gap-6 px-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <HangarMark />
          Hangar
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1 text-sm">
          <Link href="/" className="rounded-md px-2.5 py-1.5 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
            Codespaces
          </Link>
          <Link
            href="/usage"
            className="rounded-md px-2.5 py-1.5 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            Usage
          </Link>
          <Link
            href="/secrets"
            className="rounded-md px-2.5 py-1.5 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            Secrets
          </Link>
          <OrgMenu />
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <PaletteTrigger />
          <DemoBadge />
          <UserMenu user={user} />
        </div>
      </div>
    </header>
  );
}
