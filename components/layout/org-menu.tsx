'use client';

import Link from 'next/link';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Building2, ChevronDown } from 'lucide-react';
import { useMyOrgs } from '@/lib/queries/orgs';

const itemClass =
  'flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-1.5 outline-none data-highlighted:bg-zinc-100 dark:data-highlighted:bg-zinc-800';

/** The organisations the user belongs to, each a way into its admin view. Absent when there are none. */
export function OrgMenu() {
  const orgs = useMyOrgs();
  if (!orgs.data?.length) return null;
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="flex items-center gap-1 rounded-md px-2.5 py-1.5 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
        Organizations <ChevronDown aria-hidden className="size-3.5 opacity-60" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={6}
          className="z-50 min-w-56 rounded-lg border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
        >
          {orgs.data.map((org) => (
            <DropdownMenu.Item key={org.login} asChild className={itemClass}>
              <Link href={`/orgs/${org.login}`}>
                <img src={org.avatar_url} alt="" width={20} height={20} className="size-5 rounded bg-zinc-200 dark:bg-zinc-800" />
                <span className="flex-1">{org.login}</span>
                <Building2 aria-hidden className="size-3.5 opacity-40" />
              </Link>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
