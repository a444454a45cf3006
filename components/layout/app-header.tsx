import Link from 'next/link';
import type { SignedInUser } from '@/lib/auth/token.server';
import { PaletteTrigger } from '@/components/palette/palette-trigger';
import { DemoBadge } from './auth-mode';
import { HangarMark } from './hangar-mark';
import { MainNav } from './main-nav';
import { frameClass } from './page';
import { SkipLink } from './skip-link';
import { UserMenu } from './user-menu';

/**
 * The app's header: brand, navigation, search, the demo notice and the account menu. From the
 * `md` breakpoint down the navigation folds into a Menu button; search, the demo notice and the
 * account stay in the bar at every width. Opaque rather than translucent with a backdrop blur: the
 * blur re-rasterised under every scroll and list update.
 */
export function AppHeader({ user }: { user: SignedInUser }) {
  return (
    <>
      <SkipLink />
      <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
        <div className={`${frameClass} flex h-14 items-center gap-2 md:gap-6`}>
          <MainNav
            brand={
              <Link href="/" className="flex shrink-0 items-center gap-2 rounded-md font-semibold tracking-tight">
                <HangarMark />
                {/* The mark alone on a phone; its name stays for screen readers. */}
                <span className="sr-only sm:not-sr-only">Hangar</span>
              </Link>
            }
          />
          <div className="ml-auto flex min-w-0 items-center gap-2 sm:gap-3">
            <PaletteTrigger />
            <DemoBadge />
            <UserMenu user={user} />
          </div>
        </div>
      </header>
    </>
  );
}
