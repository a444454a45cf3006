/**
 * The audit log: every change Hangar made to an organisation's codespaces and settings, by a
 * person or by a policy. Append-only (the database refuses changes: lib/db/database.test.ts).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ZodError } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { embeddedDatabaseForTests } from '@/lib/test/suite-resources';
import { policyActor } from './domain/entry';
import { auditLogOf, type AuditLog } from './log.server';

const embedded = embeddedDatabaseForTests('audit');
let log: AuditLog;

beforeAll(() => {
  log = auditLogOf(embedded.database.db);
});

describe('the audit log', () => {
  it('lists an organisation’s entries newest first, page by page, without repeating or skipping one', async () => {
    for (let i = 1; i <= 7; i++) await log.append({ org: 'aud-pages', actor: 'mona', action: 'codespace.stop', codespace: `cs-${i}` });
    const first = await log.list('aud-pages', { limit: 3 });
    expect(first.entries.map((e) => e.codespace)).toEqual(['cs-7', 'cs-6', 'cs-5']);
    // An entry appended meanwhile does not shift the next page.
    await log.append({ org: 'aud-pages', actor: 'mona', action: 'codespace.stop', codespace: 'cs-8' });
    const second = await log.list('aud-pages', { limit: 3, before: first.nextBefore! });
    expect(second.entries.map((e) => e.codespace)).toEqual(['cs-4', 'cs-3', 'cs-2']);
    const last = await log.list('aud-pages', { limit: 3, before: second.nextBefore! });
    expect(last).toEqual({ entries: [expect.objectContaining({ codespace: 'cs-1' })], nextBefore: null });
  });

  it('filters by who acted and by what they did', async () => {
    await log.append({ org: 'aud-filter', actor: 'mona', action: 'codespace.stop', codespace: 'a' });
    await log.append({
      org: 'aud-filter',
      actor: policyActor('Quiet hours'),
      action: 'codespace.stop',
      codespace: 'b',
      member: 'lisa-dev',
    });
    await log.append({ org: 'aud-filter', actor: 'mona', action: 'secret.update', details: { secret: 'NPM_TOKEN' } });
    await log.append({ org: 'aud-elsewhere', actor: 'mona', action: 'codespace.stop', codespace: 'z' });

    expect((await log.list('aud-filter', { actor: 'policy: Quiet hours' })).entries.map((e) => e.codespace)).toEqual(['b']);
    expect((await log.list('aud-filter', { action: 'codespace.stop' })).entries.map((e) => e.codespace)).toEqual(['b', 'a']);
    expect((await log.list('aud-filter', { actor: 'mona', action: 'secret.update' })).entries).toEqual([
      expect.objectContaining({ details: { secret: 'NPM_TOKEN' }, codespace: null }),
    ]);
    expect(await log.actors('aud-filter')).toEqual(['mona', 'policy: Quiet hours']);
    expect(await log.actions('aud-filter')).toEqual(['codespace.stop', 'secret.update']);
  });

  it('keeps who, what, which codespace and member, and GitHub’s answer', async () => {
    const entry = await log.append({
      org: 'aud-fields',
      actor: 'mona',
      action: 'codespace.delete',
      codespace: 'octo-app-x1',
      displayName: 'Checkout fix',
      member: 'sam-ops',
      githubStatus: 409,
      githubAnswer: 'Codespace is busy',
    });
    expect(entry).toMatchObject({
      org: 'aud-fields',
      actor: 'mona',
      displayName: 'Checkout fix',
      member: 'sam-ops',
      githubStatus: 409,
      githubAnswer: 'Codespace is busy',
    });
    expect(Math.abs(entry.at.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('appends a bulk action’s entries together, in order; and reads them all back for a download', async () => {
    const appended = await log.appendAll(
      Array.from({ length: 600 }, (_, i) => ({ org: 'aud-bulk', actor: 'mona', action: 'codespace.stop', codespace: `bulk-${i}` })),
    );
    expect(appended.map((e) => e.codespace).slice(0, 2)).toEqual(['bulk-0', 'bulk-1']);
    const everything: string[] = [];
    for await (const entry of log.all('aud-bulk')) everything.push(entry.codespace!);
    expect(everything).toHaveLength(600);
    expect(everything[0]).toBe('bulk-599');
    expect(everything.at(-1)).toBe('bulk-0');
  }, 60_000);

  it('refuses an entry without a proper actor or action, writing nothing (nor any of its batch)', async () => {
    await expect(log.append({ org: 'aud-bad', actor: 'policy: ', action: 'codespace.stop' })).rejects.toThrow(ZodError);
    await expect(log.append({ org: 'aud-bad', actor: 'mona; drop', action: 'codespace.stop' })).rejects.toThrow(ZodError);
    await expect(log.append({ org: 'aud-bad', actor: 'mona', action: 'Stop!' })).rejects.toThrow(ZodError);
    await expect(
      log.appendAll([
        { org: 'aud-bad', actor: 'mona', action: 'codespace.stop' },
        { org: 'aud-bad', actor: 'mona', action: '' },
      ]),
    ).rejects.toThrow(ZodError);
    expect((await log.list('aud-bad')).entries).toEqual([]);
  });
});

describe('no code path changes an audit entry', () => {
  /** Every source file of the app (tests and migrations aside). */
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (name === 'node_modules' || name.startsWith('.') || name === 'migrations') return [];
      if (statSync(full).isDirectory()) return sources(full);
      return /\.(ts|tsx|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
    });
  }

  it('has no update or delete of the audit log anywhere in Hangar', () => {
    const root = path.resolve(__dirname, '../..');
    const offending = ['lib', 'app', 'components', 'scripts']
      .flatMap((dir) => sources(path.join(root, dir)))
      .filter((file) =>
        /\.(?:update|delete)\(\s*auditLog\b|(?:update|delete\s+from|truncate)\s+"?audit_log\b/i.test(readFileSync(file, 'utf8')),
      );
    expect(offending).toEqual([]);
  });
});
