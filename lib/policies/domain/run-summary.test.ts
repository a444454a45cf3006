import { describe, expect, it } from 'vitest';
import { runSummary, type RunForSummary } from './run-summary';

const base: RunForSummary = {
  org: 'octo-org',
  policyName: 'Clean up',
  trigger: 'scheduled',
  status: 'completed',
  writes: [],
  skipped: [],
  kept: [],
  exempt: [],
  error: null,
};
const ref = (n: number) => ({ codespace: `cs-${n}`, displayName: `Codespace ${n}`, member: 'mona' });

describe('a run in words, as the webhook receives it', () => {
  it('counts what was done and lists each codespace, failures with GitHub’s answer', () => {
    expect(
      runSummary({
        ...base,
        writes: [
          { ...ref(1), action: 'delete', ok: true, status: 202, answer: 'Accepted' },
          { ...ref(2), action: 'delete', ok: false, status: 409, answer: 'Codespace is busy' },
        ],
        skipped: [{ ...ref(3), action: 'delete', why: 'It no longer exists' }],
        kept: [{}, {}],
        exempt: [{}],
      }),
    ).toBe(
      [
        'Hangar policy “Clean up” on octo-org: deleted 1 codespace, 1 failed, 1 skipped.',
        '• Deleted “Codespace 1” (mona)',
        '• Could not delete “Codespace 2” (mona): GitHub answered 409 (Codespace is busy)',
        '• Skipped “Codespace 3” (mona): It no longer exists',
        'Kept 2 codespaces it may not touch.',
        '1 codespace exempt.',
      ].join('\n'),
    );
  });

  it('says when writes stopped early, and that the rest waits', () => {
    const text = runSummary({
      ...base,
      status: 'interrupted',
      writes: [{ ...ref(1), action: 'stop', ok: false, status: 0, answer: 'timed out' }],
    });
    expect(text).toContain('• Could not stop “Codespace 1” (mona): GitHub answered nothing (timed out)');
    expect(text).toContain('Stopped early; the rest waits for the next interval.');
  });

  it('keeps a chat message short: twenty lines, then how many more', () => {
    const writes = Array.from({ length: 25 }, (_, i) => ({ ...ref(i), action: 'stop' as const, ok: true, status: 200, answer: 'OK' }));
    const lines = runSummary({ ...base, writes }).split('\n');
    expect(lines[0]).toBe('Hangar policy “Clean up” on octo-org: stopped 25 codespaces.');
    expect(lines).toHaveLength(22);
    expect(lines.at(-1)).toBe('… and 5 more');
  });

  it('says why a run failed and that it runs again', () => {
    expect(runSummary({ ...base, status: 'failed', error: 'GitHub answered 404: Not Found', trigger: 'manual' })).toBe(
      'Hangar policy “Clean up” on octo-org (Run now) failed: GitHub answered 404: Not Found. It runs again at the next interval.',
    );
  });
});
