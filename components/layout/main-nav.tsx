'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Icon } from '@/components/ui/icon';
import { currentMarker, inOrganizations, MAIN_LINKS } from '@/lib/navigation';
import { OrgMenu } from './org-menu';

const linkClass =
  'rounded-md px-3 py-2.5 text-base text-zinc-700 hover:bg-zinc-100 aria-[current]:font-medium aria-[current]:text-zinc-950 md:px-2.5 md:py-1.5 md:text-sm dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-[current]:text-white md:aria-[current]:bg-zinc-100 dark:md:aria-[current]:bg-zinc-800';

/**
 * The header's navigation: inline from the `md` breakpoint up; below it, behind a Menu button as
 * a panel under the header (a disclosure, so the links stay a `nav` of links). The panel closes on
 * navigation, on Escape (focus back on the button) and on a click elsewhere. `brand` sits between
 * the button and the links.
 */
export function MainNav({ brand }: { brand: ReactNode }) {
  const pathname = usePathname() ?? '/';
  // Open for the page it was opened on: following a link closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      setOpenOn(null);
      toggleRef.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (panelRef.current?.contains(target) || toggleRef.current?.contains(target)) return;
      // The organisations menu opens in a portal: a pick there is not a click elsewhere.
      if ((target as Element).closest?.('[role="menu"]')) return;
      setOpenOn(null);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  return (
    <>
      <button
        ref={toggleRef}
        type="button"
        aria-label="Menu"
        aria-expanded={open}
        aria-controls="main-nav"
        onClick={() => setOpenOn(open ? null : pathname)}
        className="-ml-1.5 flex size-9 items-center justify-center rounded-md text-zinc-700 hover:bg-zinc-100 md:hidden dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <Icon name={open ? 'x' : 'menu'} className="size-5" />
      </button>
      {brand}
      <nav
        ref={panelRef}
        id="main-nav"
        aria-label="Main"
        data-open={open || undefined}
        // A link followed closes it, the page's own link too (no navigation then).
        onClick={(event) => {
          if ((event.target as Element).closest('a')) setOpenOn(null);
        }}
        className="absolute inset-x-0 top-full hidden flex-col gap-0.5 border-b border-zinc-200 bg-white px-3 py-2 shadow-lg data-open:flex md:static md:flex md:flex-row md:items-center md:gap-1 md:border-0 md:bg-transparent md:p-0 md:shadow-none dark:border-zinc-800 dark:bg-zinc-950 md:dark:bg-transparent"
      >
        {MAIN_LINKS.map((link) => (
          <Link key={link.href} href={link.href} aria-current={currentMarker(pathname, link)} className={linkClass}>
            {link.label}
          </Link>
        ))}
        <OrgMenu current={inOrganizations(pathname)} />
      </nav>
    </>
  );
}
