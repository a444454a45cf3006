'use client';

import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Bell, Check, LogOut, Monitor, Moon, Sun } from 'lucide-react';
import { menuItemClass } from '@/components/ui/menu';
import type { SignedInUser } from '@/lib/auth/token.server';
import { clearPageMemo } from '@/lib/transport/client';
import { signOutOfHangar } from '@/lib/auth/browser';
import { clearAwaitedTransitions } from '@/lib/codespaces/transitions';
import { toast } from '@/lib/notices/toasts';
import { notificationsOn, notificationSupport, turnNotificationsOff, turnNotificationsOn } from '@/lib/notices/notifications';
import { chooseTheme, readTheme, THEME_LABELS, THEMES, type Theme } from '@/lib/theme';
import { AccountButton } from './account-button';
import { HeaderDropdown } from './header-dropdown';

const THEME_ICONS: Record<Theme, typeof Sun> = { system: Monitor, light: Sun, dark: Moon };

/** The account menu itself, loaded when first opened (see user-menu.tsx). */
export default function AccountMenu({ user, defaultOpen }: { user: SignedInUser; defaultOpen: boolean }) {
  const queryClient = useQueryClient();
  const [theme, setTheme] = useState(readTheme);
  const [notifying, setNotifying] = useState(notificationsOn);
  const unsupported = notificationSupport() === 'unsupported';
  const toggleNotifications = async () => {
    if (notifying) {
      turnNotificationsOff();
      setNotifying(false);
      return;
    }
    // The browser asks its question now, on this click, and never otherwise.
    const permission = await turnNotificationsOn();
    setNotifying(permission === 'granted');
    if (permission === 'denied')
      toast.error('Your browser blocks notifications from Hangar', {
        description: 'Allow them in this site’s settings. Until then, Hangar tells you here instead.',
      });
  };
  const onSignOut = async () => {
    // Nothing of this user may stay in the page for the next person at this browser.
    await queryClient.cancelQueries();
    queryClient.clear();
    clearPageMemo();
    clearAwaitedTransitions();
    await signOutOfHangar();
  };
  return (
    <HeaderDropdown defaultOpen={defaultOpen} trigger={<AccountButton user={user} />} align="end" className="min-w-52">
      <div className="px-2.5 py-2">
        <div className="font-medium">{user.name ?? user.login}</div>
        <div className="text-xs text-zinc-500 dark:text-zinc-400">@{user.login}</div>
      </div>
      <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
      <DropdownMenu.Label className="px-2.5 pt-1 pb-0.5 text-xs font-medium text-zinc-500 dark:text-zinc-400">Theme</DropdownMenu.Label>
      <DropdownMenu.RadioGroup
        aria-label="Theme"
        value={theme}
        onValueChange={(value) => {
          const next = value as Theme;
          chooseTheme(next);
          setTheme(next);
        }}
      >
        {THEMES.map((option) => {
          const Icon = THEME_ICONS[option];
          return (
            <DropdownMenu.RadioItem
              key={option}
              value={option}
              // Keep the menu open: the user sees the page change and may try the other one.
              onSelect={(event) => event.preventDefault()}
              className={menuItemClass}
            >
              <Icon aria-hidden className="size-4" />
              <span className="flex-1">{THEME_LABELS[option]}</span>
              <DropdownMenu.ItemIndicator>
                <Check aria-hidden className="size-4" />
              </DropdownMenu.ItemIndicator>
            </DropdownMenu.RadioItem>
          );
        })}
      </DropdownMenu.RadioGroup>
      <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
      <DropdownMenu.CheckboxItem
        checked={notifying}
        disabled={unsupported}
        onSelect={(event) => {
          event.preventDefault();
          void toggleNotifications();
        }}
        className={`${menuItemClass} data-disabled:cursor-not-allowed data-disabled:opacity-60`}
      >
        <Bell aria-hidden className="size-4" />
        <span className="flex-1">
          Desktop notifications
          <span className="block text-xs text-zinc-600 dark:text-zinc-400">
            {unsupported ? 'Not supported by this browser' : 'When a codespace is ready, an export ends, or work is at risk'}
          </span>
        </span>
        <DropdownMenu.ItemIndicator>
          <Check aria-hidden className="size-4" />
        </DropdownMenu.ItemIndicator>
      </DropdownMenu.CheckboxItem>
      <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
      <DropdownMenu.Item onSelect={onSignOut} className={menuItemClass}>
        <LogOut aria-hidden className="size-4" /> Sign out
      </DropdownMenu.Item>
    </HeaderDropdown>
  );
}
