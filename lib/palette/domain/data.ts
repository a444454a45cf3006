import { codespaceTitle } from '@/lib/codespaces/domain/state';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import type { PaletteCodespace, PaletteOrgCodespace } from './commands';

/** The palette's view of the codespaces the pages read (the same queries, so nothing is asked twice). Pure. */

export function paletteCodespace(
  c: Pick<
    CodespaceSummary,
    'name' | 'display_name' | 'state' | 'repository' | 'web_url' | 'pending_operation' | 'pending_operation_disabled_reason'
  >,
): PaletteCodespace {
  return {
    name: c.name,
    title: codespaceTitle(c),
    repository: c.repository.full_name,
    state: c.state,
    webUrl: c.web_url ?? null,
    ...(c.pending_operation
      ? { pending_operation: true, pending_operation_disabled_reason: c.pending_operation_disabled_reason ?? null }
      : {}),
  };
}

export function paletteOrgCodespace(c: CodespaceSummary): PaletteOrgCodespace {
  return { ...paletteCodespace(c), owner: c.owner.login };
}
