'use client';

import Link from 'next/link';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Building2 } from 'lucide-react';
import { menuItemClass } from '@/components/ui/menu';
import { useQuery } from '@tanstack/react-query';
import { listMyOrganizationsQuery } from '@/lib/orgs/queries';
import { HeaderDropdown } from './header-dropdown';
import { OrgMenuButton } from './org-menu-button';

/** The organisations the user belongs to, each a way into its owners' view (loaded when first opened). */
export default function OrgMenuContent({ defaultOpen, current }: { defaultOpen: boolean; current: boolean }) {
  const orgs = useQuery(listMyOrganizationsQuery());
  return (
    <HeaderDropdown defaultOpen={defaultOpen} trigger={<OrgMenuButton current={current} />} align="start" className="min-w-56">
      {orgs.isPending && <p className="px-2.5 py-1.5 text-zinc-600 dark:text-zinc-400">Loading your organizations…</p>}
      {orgs.error && <p className="px-2.5 py-1.5 text-red-700 dark:text-red-400">Could not load your organizations.</p>}
      {orgs.data?.length === 0 && (
        <p className="px-2.5 py-1.5 text-zinc-600 dark:text-zinc-400">You are not a member of any organization.</p>
      )}
      {orgs.data?.map((org) => (
        <DropdownMenu.Item key={org.login} asChild className={menuItemClass}>
          <Link href={`/orgs/${org.login}`}>
            <img src={org.avatar_url} alt="" width={20} height={20} className="size-5 rounded bg-zinc-200 dark:bg-zinc-800" />
            <span className="flex-1">{org.login}</span>
            <Building2 aria-hidden className="size-3.5 opacity-40" />
          </Link>
        </DropdownMenu.Item>
      ))}
    </HeaderDropdown>
  );
}
