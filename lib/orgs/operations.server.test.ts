import { describe, expect, it } from 'vitest';
import { codespacesAccessBody, selectedUsersBody } from './operations.server';

const issues = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe('organisation access', () => {
  it('names members with selected_members, and only then', () => {
    expect(codespacesAccessBody.safeParse({ visibility: 'selected_members', selected_usernames: ['mona', 'hubot'] }).success).toBe(true);
    expect(codespacesAccessBody.safeParse({ visibility: 'all_members_and_outside_collaborators' }).success).toBe(true);
    expect(issues(codespacesAccessBody.safeParse({ visibility: 'selected_members' }))).toEqual([
      'Choose the members who may use Codespaces',
    ]);
    expect(codespacesAccessBody.safeParse({ visibility: 'disabled', selected_usernames: ['mona'] }).success).toBe(false);
    expect(codespacesAccessBody.safeParse({ visibility: 'everyone' }).success).toBe(false);
  });

  it('refuses logins GitHub cannot have, duplicates, and more than 100 at once', () => {
    expect(selectedUsersBody.safeParse({ selected_usernames: ['-mona'] }).success).toBe(false);
    expect(selectedUsersBody.safeParse({ selected_usernames: ['mona', 'Mona'] }).success).toBe(false);
    expect(selectedUsersBody.safeParse({ selected_usernames: [] }).success).toBe(false);
    const many = Array.from({ length: 101 }, (_, i) => `member-${i}`);
    expect(selectedUsersBody.safeParse({ selected_usernames: many.slice(0, 100) }).success).toBe(true);
    expect(selectedUsersBody.safeParse({ selected_usernames: many }).success).toBe(false);
  });
});
