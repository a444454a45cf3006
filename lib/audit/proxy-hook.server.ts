import 'server-only';
import type { AuditedCall } from '@/lib/github/proxy.server';
import { serverAuditLog } from './log.server';

/**
 * The proxy's audit hook: an organisation-changing operation a person made through Hangar, once
 * GitHub answered (lib/github/allowlist.server.ts: an operation's `audit`), appended to the
 * organisation's audit log as theirs, with GitHub's status and message.
 */
export async function recordPersonsChange({ audit, login, params, body, status, message }: AuditedCall): Promise<void> {
  const text = (name: string) => (typeof params[name] === 'string' ? (params[name] as string) : null);
  await (
    await serverAuditLog()
  ).append({
    org: String(params.org),
    actor: login,
    action: audit.action,
    codespace: text('codespace_name'),
    member: text('username'),
    githubStatus: status >= 100 && status <= 599 ? status : null,
    githubAnswer: message,
    details: audit.details?.({ params, body }) ?? null,
  });
}
