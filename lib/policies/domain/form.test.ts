import { describe, expect, it } from 'vitest';
import { draftDefinition, draftOf, emptyDraft, formErrors } from './form';
import { fieldErrors, policyDefinitionSchema } from './schemas';

const errorsOf = (draft: ReturnType<typeof emptyDraft>) => {
  const parsed = policyDefinitionSchema.safeParse(draftDefinition(draft));
  return parsed.success ? {} : formErrors(fieldErrors(parsed.error));
};

describe('the policy form', () => {
  it('makes the definition its fields describe, for the chosen kind only', () => {
    const draft = {
      ...emptyDraft('Europe/Berlin'),
      name: 'Idle',
      limit: '90',
      unit: 'minutes' as const,
      exemptMembers: 'hubot, mona\nlisa',
    };
    expect(policyDefinitionSchema.parse(draftDefinition(draft))).toEqual({
      name: 'Idle',
      enabled: false,
      rule: { kind: 'idle-limit', limit: 90, unit: 'minutes' },
      exempt: { members: ['hubot', 'mona', 'lisa'], codespaces: [] },
    });
  });

  it('puts each problem beside its field: a limit of 0 or 10 years, a zone that does not exist, a budget of −5', () => {
    expect(errorsOf({ ...emptyDraft(), name: 'x', limit: '0' })).toEqual({ limit: 'Must be more than 0' });
    expect(errorsOf({ ...emptyDraft(), name: 'x', limit: String(10 * 365 * 24), unit: 'hours' })).toEqual({
      limit: 'At most 7 days (168 hours)',
    });
    expect(errorsOf({ ...emptyDraft(), name: 'x', kind: 'quiet-hours', timeZone: 'Mars/Olympus' }).timeZone).toMatch(/is not a time zone/);
    expect(errorsOf({ ...emptyDraft(), name: 'x', kind: 'monthly-budget', amountUsd: '-5' })).toEqual({
      amountUsd: 'Must be more than $0',
    });
    expect(errorsOf({ ...emptyDraft(), name: '', limit: '' })).toEqual({ name: 'Give the policy a name', limit: 'Required' });
    expect(errorsOf({ ...emptyDraft(), name: 'x', exemptMembers: 'ok, not/a/login' }).exemptMembers).toMatch(/not\/a\/login/);
  });

  it('edits a saved policy as it was saved', () => {
    const saved = policyDefinitionSchema.parse({
      name: 'Nights',
      enabled: true,
      rule: { kind: 'quiet-hours', time: '20:30', weekdays: ['sat'], timeZone: 'Asia/Tokyo' },
      exempt: { members: ['hubot'], codespaces: [] },
    });
    expect(policyDefinitionSchema.parse(draftDefinition(draftOf(saved)))).toEqual(saved);
  });
});
