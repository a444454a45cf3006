import { describe, expect, it } from 'vitest';
import {
  encryptedValue,
  orgSecretBody,
  orgSecretRepositoryParams,
  repoSecretBody,
  selectedRepositoriesBody,
  userSecretBody,
  userSecretParams,
} from './operations.server';

/** The base64 of `bytes` bytes: what a sealed box of a (bytes - 48)-byte value looks like. */
const base64Of = (bytes: number) => Buffer.alloc(bytes, 7).toString('base64');
const sealed = { encrypted_value: base64Of(48 + 12), key_id: '568250167242549743' };
const issues = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe('encrypted_value', () => {
  it('takes the base64 of a sealed box', () => {
    expect(encryptedValue.safeParse(base64Of(48)).success).toBe(true);
    expect(encryptedValue.safeParse(base64Of(48 + 48 * 1024)).success).toBe(true);
  });

  it('refuses a value typed in plain text, one too short to be sealed, and one over 48 KB', () => {
    expect(issues(encryptedValue.safeParse('hunter2 is my password'))).toEqual(['Must be the base64 of a sealed box']);
    expect(issues(encryptedValue.safeParse('aHVudGVyMg=='))).toEqual(['Too short to be a sealed box']);
    expect(issues(encryptedValue.safeParse(base64Of(47)))).toEqual(['Too short to be a sealed box']);
    expect(encryptedValue.safeParse(base64Of(48 + 48 * 1024 + 3)).success).toBe(false);
    // GitHub's pattern wants the padding.
    expect(encryptedValue.safeParse(base64Of(61).replace(/=*$/, '')).success).toBe(false);
    expect(encryptedValue.safeParse(`${base64Of(60)}\n`).success).toBe(false);
  });
});

describe('create-or-update bodies', () => {
  it('takes a user secret with its repositories, and refuses ids that are not positive integers', () => {
    expect(userSecretBody.safeParse({ ...sealed, selected_repository_ids: [702000001, 702000002] }).success).toBe(true);
    for (const ids of [[0], [-3], [1.5], ['702000001'], [1, 1], 'all'])
      expect(userSecretBody.safeParse({ ...sealed, selected_repository_ids: ids }).success, JSON.stringify(ids)).toBe(false);
  });

  it('needs the sealed value and its key id, and nothing else', () => {
    expect(repoSecretBody.safeParse(sealed).success).toBe(true);
    expect(repoSecretBody.safeParse({ encrypted_value: sealed.encrypted_value }).success).toBe(false);
    expect(repoSecretBody.safeParse({ ...sealed, key_id: 'not a key/id' }).success).toBe(false);
    expect(repoSecretBody.safeParse({ ...sealed, value: 'plain' }).success).toBe(false);
    expect(userSecretBody.safeParse({ key_id: sealed.key_id }).success).toBe(false);
  });

  it('takes an organisation secret’s visibility, repositories only when selected, a value and key id together', () => {
    expect(orgSecretBody.safeParse({ ...sealed, visibility: 'selected', selected_repository_ids: [1] }).success).toBe(true);
    expect(orgSecretBody.safeParse({ ...sealed, visibility: 'private' }).success).toBe(true);
    // Changing who may use it keeps the value.
    expect(orgSecretBody.safeParse({ visibility: 'all' }).success).toBe(true);
    expect(orgSecretBody.safeParse({ ...sealed, visibility: 'public' }).success).toBe(false);
    expect(orgSecretBody.safeParse({ ...sealed }).success).toBe(false);
    expect(issues(orgSecretBody.safeParse({ ...sealed, visibility: 'all', selected_repository_ids: [1] }))).toEqual([
      'Repositories are chosen only when visibility is selected',
    ]);
    expect(issues(orgSecretBody.safeParse({ encrypted_value: sealed.encrypted_value, visibility: 'all' }))).toEqual([
      'A sealed value and its key id go together',
    ]);
  });

  it('sets the whole list of repositories', () => {
    expect(selectedRepositoriesBody.safeParse({ selected_repository_ids: [] }).success).toBe(true);
    expect(selectedRepositoriesBody.safeParse({}).success).toBe(false);
  });
});

describe('path parameters and queries', () => {
  it('checks a secret name in the path as GitHub’s rules do', () => {
    expect(userSecretParams.safeParse({ secret_name: 'NPM_TOKEN' }).success).toBe(true);
    expect(issues(userSecretParams.safeParse({ secret_name: 'GITHUB_TOKEN' }))).toEqual(['Names cannot start with GITHUB_']);
    expect(userSecretParams.safeParse({ secret_name: '..' }).success).toBe(false);
  });

  it('reads a repository id as a decimal number', () => {
    expect(orgSecretRepositoryParams.parse({ org: 'octo-org', secret_name: 'X', repository_id: '702000001' }).repository_id).toBe(
      702000001,
    );
    for (const id of ['0', '1e3', '0x10', '-1', 'one', '99999999999999999'])
      expect(orgSecretRepositoryParams.safeParse({ org: 'octo-org', secret_name: 'X', repository_id: id }).success, id).toBe(false);
  });
});
