import { describe, expect, it } from 'vitest';
import { accessChangeInWords, accessInWords, planAccessChange } from './access';

describe('who may use Codespaces in an organisation', () => {
  it('in words', () => {
    expect(accessInWords({ visibility: 'selected_members', usernames: ['mona', 'hubot'] })).toBe('Selected members: mona and hubot');
    expect(accessInWords({ visibility: 'all_members', usernames: [] })).toBe('All members');
  });

  it('is sent whole when nothing was chosen here before, or when it is not a choice of members', () => {
    const next = { visibility: 'selected_members' as const, usernames: ['mona'] };
    expect(planAccessChange(null, next)).toEqual({ kind: 'set', setting: next });
    expect(planAccessChange({ visibility: 'all_members', usernames: [] }, next)).toEqual({ kind: 'set', setting: next });
    expect(planAccessChange(next, { visibility: 'disabled', usernames: ['mona'] })).toEqual({
      kind: 'set',
      setting: { visibility: 'disabled', usernames: [] },
    });
  });

  it('after choosing members here, is sent as the people added and removed', () => {
    const change = planAccessChange(
      { visibility: 'selected_members', usernames: ['mona', 'hubot'] },
      { visibility: 'selected_members', usernames: ['Mona', 'lisa-dev'] },
    );
    expect(change).toMatchObject({ kind: 'members', add: ['lisa-dev'], remove: ['hubot'] });
    expect(accessChangeInWords('octo-org', change)).toBe(
      'Among the members who may use Codespaces in octo-org, this adds lisa-dev and removes hubot.',
    );
    expect(
      planAccessChange({ visibility: 'selected_members', usernames: ['mona'] }, { visibility: 'selected_members', usernames: ['mona'] })
        .kind,
    ).toBe('none');
  });

  it('the dialog says what the new setting means', () => {
    expect(accessChangeInWords('octo-org', planAccessChange(null, { visibility: 'disabled', usernames: [] }))).toMatch(
      /^No one will be able to use Codespaces billed to octo-org/,
    );
    expect(accessChangeInWords('octo-org', planAccessChange(null, { visibility: 'selected_members', usernames: ['mona'] }))).toBe(
      'Only mona will be able to use Codespaces billed to octo-org.',
    );
  });
});
