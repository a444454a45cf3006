import { describe, expect, it } from 'vitest';
import { describeExemptions, describePolicy } from './describe';

describe('a policy in one sentence', () => {
  it('says what each kind does, with its settings', () => {
    expect(describePolicy({ kind: 'idle-limit', limit: 2, unit: 'hours' })).toBe('Stops running codespaces unused for more than 2 hours.');
    expect(describePolicy({ kind: 'idle-limit', limit: 1, unit: 'minutes' })).toBe(
      'Stops running codespaces unused for more than 1 minute.',
    );
    expect(describePolicy({ kind: 'stale-cleanup', days: 14 })).toBe(
      'Deletes codespaces stopped and unused for more than 14 days; keeps any with unpushed or uncommitted work.',
    );
    expect(describePolicy({ kind: 'monthly-budget', amountUsd: 50 })).toMatch(/passes \$50\.00\.$/);
    expect(
      describePolicy({ kind: 'quiet-hours', time: '19:00', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], timeZone: 'Europe/Paris' }),
    ).toMatch(/^Stops every running codespace .*19:00 \(Europe\/Paris\)\.$/);
  });

  it('names its exemptions, or nothing when it has none', () => {
    expect(describeExemptions({ members: [], codespaces: [] })).toBeNull();
    expect(describeExemptions({ members: ['hubot'], codespaces: ['cs-1'] })).toBe('Never touches members hubot and codespaces cs-1.');
  });
});
