import { describe, expect, it } from 'vitest';
import { auditCsv } from './csv';
import type { AuditEntry } from './entry';

const entry = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  id: 1,
  org: 'octo-org',
  at: new Date('2026-12-07T10:00:00Z'),
  actor: 'policy: Stop idle codespaces',
  action: 'codespace.stop',
  codespace: 'octo-app-x1',
  displayName: 'Checkout fix',
  member: 'hubot',
  githubStatus: 202,
  githubAnswer: 'Accepted',
  details: null,
  ...overrides,
});

describe('the audit log as CSV', () => {
  it('has a row per entry: when, who, what, which codespace and member, and GitHub’s answer', () => {
    expect(auditCsv([entry()]).split('\r\n')).toEqual([
      'When,Who,What,Action,Codespace,Display name,Member,GitHub status,GitHub answer,Details',
      '2026-12-07T10:00:00.000Z,policy: Stop idle codespaces,Stopped codespace,codespace.stop,octo-app-x1,Checkout fix,hubot,202,Accepted,',
      '',
    ]);
  });

  it('never hands a spreadsheet a formula, whoever named the codespace or the secret', () => {
    const csv = auditCsv([entry({ displayName: '=HYPERLINK("https://evil.test")', details: { secret: '@SUM(A1)' } })]);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.test"")"`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });
});
