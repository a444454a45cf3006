'use client';

import { lazy } from 'react';
import { LazyMenu } from './lazy-menu';
import { OrgMenuButton } from './org-menu-button';

const loadOrgMenu = () => import('./org-menu-content');
const OrgMenuContent = lazy(loadOrgMenu);

/**
 * The organisations menu. Neither its code nor the user's organisations are fetched until someone
 * reaches for it: a page load costs GitHub nothing for a menu most people never open.
 */
export function OrgMenu({ current = false }: { current?: boolean }) {
  return (
    <LazyMenu
      load={loadOrgMenu}
      trigger={(reach) => <OrgMenuButton current={current} {...reach} />}
      menu={<OrgMenuContent defaultOpen current={current} />}
    />
  );
}
