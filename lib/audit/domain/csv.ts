import { toCsv } from '@/lib/csv';
import { describeAuditAction, type AuditEntry } from './entry';

/** The audit log as CSV (the CSV writer escapes anything a spreadsheet would run as a formula). Pure. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return toCsv(entries, [
    { header: 'When', value: (e) => e.at.toISOString() },
    { header: 'Who', value: (e) => e.actor },
    { header: 'What', value: (e) => describeAuditAction(e.action) },
    { header: 'Action', value: (e) => e.action },
    { header: 'Codespace', value: (e) => e.codespace },
    { header: 'Display name', value: (e) => e.displayName },
    { header: 'Member', value: (e) => e.member },
    { header: 'GitHub status', value: (e) => e.githubStatus },
    { header: 'GitHub answer', value: (e) => e.githubAnswer },
    { header: 'Details', value: (e) => (e.details ? JSON.stringify(e.details) : null) },
  ]);
}
