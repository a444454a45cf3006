import type { Codespace, CodespaceSummary } from './types';

/** The lists' view of a codespace (see CodespaceSummary): only what they show, filter, sort and act on. */
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
    idle_timeout_minutes: c.idle_timeout_minutes,
    retention_expires_at: c.retention_expires_at,
    retention_period_minutes: c.retention_period_minutes,
    web_url: c.web_url,
    // What GitHub has pending on it (only deleting is possible meanwhile), and why it last stopped:
    // kept only when GitHub says something, as most codespaces have neither.
    ...(c.pending_operation
      ? { pending_operation: true, pending_operation_disabled_reason: c.pending_operation_disabled_reason ?? null }
      : {}),
    ...(c.last_known_stop_notice ? { last_known_stop_notice: c.last_known_stop_notice } : {}),
    ...(c.pulls_url ? { pulls_url: c.pulls_url } : {}),
    repository: { id: c.repository.id, full_name: c.repository.full_name },
    owner: { login: c.owner.login },
    // GitHub's description requires it; a codespace read without one is billed to its user.
    billable_owner: { login: (c.billable_owner ?? c.owner).login },
  };
}
