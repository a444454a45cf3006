'use client';

import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useQueryClient } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import { ChevronDown, LogOut } from 'lucide-react';
import type { SignedInUser } from '@/lib/auth/token';

export function UserMenu({ user }: { user: SignedInUser }) {
  const queryClient = useQueryClient();
  const onSignOut = async () => {
    // Nothing of this user may stay in the page for the next person at this browser.
    await queryClient.cancelQueries();
    queryClient.clear();
    await signOut({ callbackUrl: '/' });
  };
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={`Account: ${user.login}`}
        className="flex items-center gap-2 rounded-full py-1 pr-2 pl-1 text-sm hover:bg-zinc-200/70 dark:hover:bg-zinc-800"
      >
        {user.image ? (
          <img src={user.image} alt="" width={28} height={28} className="size-7 rounded-full bg-zinc-200 dark:bg-zinc-800" />
        ) : (
          <span className="flex size-7 items-center justify-center rounded-full bg-zinc-300 text-xs font-semibold dark:bg-zinc-700">
            {user.login.slice(0, 1).toUpperCase()}
          </span>
        )}
        <span className="hidden font-medium sm:inline">{user.login}</span>
        <ChevronDown aria-hidden className="size-3.5 opacity-60" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-52 rounded-lg border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
        >
          <div className="px-2.5 py-2">
            <div className="font-medium">{user.name ?? user.login}</div>
            <div className="text-xs text-zinc-500 dark:text-zinc-400">@{user.login}</div>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <DropdownMenu.Item
            onSelect={onSignOut}
            className="flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-1.5 outline-none data-highlighted:bg-zinc-100 dark:data-highlighted:bg-zinc-800"
          >
            <LogOut aria-hidden className="size-4" /> Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
