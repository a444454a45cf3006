'use client';

import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useQueryClient } from '@tanstack/react-query';
import { LogOut } from 'lucide-react';
import { menuContentClass, menuItemClass } from '@/components/ui/menu';
import type { SignedInUser } from '@/lib/auth/token';
import { clearPageMemo } from '@/lib/api/client';
import { signOutOfHangar } from '@/lib/auth/browser';
import { clearAwaitedTransitions } from '@/lib/queries/transitions';
import { AccountButton } from './account-button';

/** The account menu itself, loaded when first opened (see user-menu.tsx). */
export default function AccountMenu({ user, defaultOpen }: { user: SignedInUser; defaultOpen: boolean }) {
  const queryClient = useQueryClient();
  const onSignOut = async () => {
    // Nothing of this user may stay in the page for the next person at this browser.
    await queryClient.cancelQueries();
    queryClient.clear();
    clearPageMemo();
    clearAwaitedTransitions();
    await signOutOfHangar();
  };
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger asChild>
        <AccountButton user={user} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className={`${menuContentClass} min-w-52`}>
          <div className="px-2.5 py-2">
            <div className="font-medium">{user.name ?? user.login}</div>
            <div className="text-xs text-zinc-500 dark:text-zinc-400">@{user.login}</div>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <DropdownMenu.Item onSelect={onSignOut} className={menuItemClass}>
            <LogOut aria-hidden className="size-4" /> Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
