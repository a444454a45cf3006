'use client';

import { lazy, Suspense, useState } from 'react';
import type { SignedInUser } from '@/lib/auth/token.server';
import { AccountButton } from './account-button';

const loadAccountMenu = () => import('./account-menu');
const AccountMenu = lazy(loadAccountMenu);

/**
 * The account menu's trigger, with the menu (Radix's dropdown and next-auth's sign-out, ~30 KB of
 * compressed script) loaded only when someone reaches for it: hover or focus starts loading it,
 * a click opens it.
 */
export function UserMenu({ user }: { user: SignedInUser }) {
  const [opened, setOpened] = useState(false);
  const trigger = (
    <AccountButton
      user={user}
      aria-expanded={false}
      onPointerEnter={() => void loadAccountMenu()}
      onFocus={() => void loadAccountMenu()}
      onClick={() => setOpened(true)}
    />
  );
  if (!opened) return trigger;
  return (
    <Suspense fallback={trigger}>
      <AccountMenu user={user} defaultOpen />
    </Suspense>
  );
}
