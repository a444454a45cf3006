'use client';

import { lazy } from 'react';
import type { SignedInUser } from '@/lib/auth/token.server';
import { AccountButton } from './account-button';
import { LazyMenu } from './lazy-menu';

const loadAccountMenu = () => import('./account-menu');
const AccountMenu = lazy(loadAccountMenu);

/**
 * The account menu's trigger, with the menu (Radix's dropdown and next-auth's sign-out, ~30 KB of
 * compressed script) loaded only when someone reaches for it.
 */
export function UserMenu({ user }: { user: SignedInUser }) {
  return (
    <LazyMenu
      load={loadAccountMenu}
      trigger={(reach) => <AccountButton user={user} {...reach} />}
      menu={<AccountMenu user={user} defaultOpen />}
    />
  );
}
