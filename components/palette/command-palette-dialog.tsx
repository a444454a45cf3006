'use client';

import { useMemo } from 'react';
import { usePathname, useRouter } from 'next/navigation';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { orgFromPath, type PaletteCommand } from '@/lib/palette/domain/commands';
import { paletteCodespace, paletteOrgCodespace } from '@/lib/palette/domain/data';
import { useActionMutation } from '@/lib/query/use-action-mutation';
import { codespaceActionMutation } from '@/lib/codespaces/actions';
import { listMyCodespacesQuery, listOrgCodespacesQuery } from '@/lib/codespaces/queries';
import { listMyOrganizationsQuery } from '@/lib/orgs/queries';
import { copySshCommand, openInBrowser, openInVsCode } from '@/lib/palette/run.client';
import { CommandPalette } from './command-palette-view';

/**
 * The palette with Hangar's data and commands: what the pages hold in the cache, and the
 * browser's ways to act on it. Loaded, with cmdk, only when the palette is first opened.
 */
export default function ConnectedCommandPalette({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const orgLogin = orgFromPath(pathname);
  // The same queries the pages use: what a page already read is not asked for again.
  const list = useQuery(listMyCodespacesQuery());
  const organizations = useQuery(listMyOrganizationsQuery());
  const orgList = useQuery({ ...listOrgCodespacesQuery(orgLogin ?? ''), enabled: Boolean(orgLogin) });
  const start = useActionMutation(codespaceActionMutation(queryClient, 'start'));
  const stop = useActionMutation(codespaceActionMutation(queryClient, 'stop'));
  const data = useMemo(
    () => ({
      codespaces: (list.data?.items ?? []).map(paletteCodespace),
      organizations: (organizations.data ?? []).map((o) => ({ login: o.login })),
      org: orgLogin ? { login: orgLogin, codespaces: (orgList.data?.items ?? []).map(paletteOrgCodespace) } : null,
    }),
    [list.data, organizations.data, orgList.data, orgLogin],
  );
  const byName = (name: string) => list.data?.items.find((c) => c.name === name) ?? orgList.data?.items.find((c) => c.name === name);

  const onRun = (command: PaletteCommand) => {
    switch (command.type) {
      case 'navigate':
        return router.push(command.href);
      case 'open':
        return router.push(`/codespaces/${encodeURIComponent(command.codespace.name)}`);
      case 'start':
      case 'stop': {
        const codespace = byName(command.codespace.name);
        if (codespace) (command.type === 'start' ? start : stop).mutate(codespace);
        return;
      }
      case 'open-browser':
        return void openInBrowser(command.codespace);
      case 'open-vscode':
        return openInVsCode(command.codespace);
      case 'copy-ssh':
        return void copySshCommand(command.codespace);
    }
  };

  return (
    <CommandPalette
      open={open}
      onOpenChange={onOpenChange}
      codespaces={data.codespaces}
      organizations={data.organizations}
      org={data.org}
      onRun={onRun}
    />
  );
}
