import { describe, expect, it } from 'vitest';
import { MAX_SECRET_VALUE_BYTES, normalizeSecretName, secretNameProblem, secretValueProblem } from './names';

describe('secret names, checked as GitHub checks them', () => {
  it.each([
    ['NPM_TOKEN', null],
    ['npm_token', null],
    ['_PRIVATE', null],
    ['A1', null],
    ['MY_GITHUB_TOKEN', null],
    ['GITHUBTOKEN', null],
    ['', 'Enter a name'],
    ['MY-TOKEN', 'Names can only contain letters, digits and underscores'],
    ['MY TOKEN', 'Names can only contain letters, digits and underscores'],
    ['TOKÉN', 'Names can only contain letters, digits and underscores'],
    ['TOKEN$', 'Names can only contain letters, digits and underscores'],
    ['1PASSWORD', 'Names cannot start with a number'],
    ['9', 'Names cannot start with a number'],
    ['GITHUB_TOKEN', 'Names cannot start with GITHUB_'],
    ['github_token', 'Names cannot start with GITHUB_'],
    ['GitHub_Token', 'Names cannot start with GITHUB_'],
    ['A'.repeat(255), null],
    ['A'.repeat(256), 'Names can be at most 255 characters'],
  ])('%j → %j', (name, problem) => {
    expect(secretNameProblem(name)).toBe(problem);
  });

  it('shows names as GitHub keeps them, in upper case', () => {
    expect(normalizeSecretName('npm_token')).toBe('NPM_TOKEN');
  });
});

describe('secret values', () => {
  it('refuses an empty value and one over 48 KB, counting bytes, not characters', () => {
    expect(secretValueProblem('')).toBe('Enter a value');
    expect(secretValueProblem('x')).toBeNull();
    expect(secretValueProblem('x'.repeat(MAX_SECRET_VALUE_BYTES))).toBeNull();
    expect(secretValueProblem('x'.repeat(MAX_SECRET_VALUE_BYTES + 1))).toBe('Values can be at most 48 KB');
    // "é" is two bytes in UTF-8: half as many fit.
    expect(secretValueProblem('é'.repeat(MAX_SECRET_VALUE_BYTES / 2 + 1))).toBe('Values can be at most 48 KB');
  });
});
