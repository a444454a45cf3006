import type { Codespace, CodespaceSummary } from './types';

/** The list's view of a codespace (see CodespaceSummary): only what it shows, filters and sorts on. */
export function summarizeCodespace(c: Codespace): CodespaceSummary {
  return {
    id: c.id,
    name: c.name,
    display_name: c.display_name,
    state: c.state,
    last_used_at: c.last_used_at,
    created_at: c.created_at,
    location: c.location,
    // GitHub may leave it out; the list reads an empty one as nothing known ("—").
    git_status: c.git_status ?? {},
    machine: c.machine ?? null,
    repository: { id: c.repository.id, full_name: c.repository.full_name },
  };
}
