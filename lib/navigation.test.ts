import { describe, expect, it } from 'vitest';
import { currentMarker, inOrganizations, MAIN_LINKS } from './navigation';

const [codespaces, usage, secrets] = MAIN_LINKS;

describe('which header link is the current page', () => {
  it('marks the link to the page itself as the page', () => {
    expect(currentMarker('/', codespaces)).toBe('page');
    expect(currentMarker('/usage', usage)).toBe('page');
    expect(currentMarker('/usage/', usage)).toBe('page');
    expect(currentMarker('/secrets', secrets)).toBe('page');
  });

  it('marks Codespaces as the current section on a codespace’s or a repository’s page, not as the page', () => {
    expect(currentMarker('/codespaces/solid-fortnight-x1', codespaces)).toBe('true');
    expect(currentMarker('/codespaces/new', codespaces)).toBe('true');
    expect(currentMarker('/repos/mona/blog', codespaces)).toBe('true');
  });

  it('marks nothing elsewhere', () => {
    expect(currentMarker('/usage', codespaces)).toBeUndefined();
    expect(currentMarker('/', usage)).toBeUndefined();
    expect(currentMarker('/orgs/octo-org/usage', usage)).toBeUndefined();
    expect(currentMarker('/secrets-elsewhere', secrets)).toBeUndefined();
    expect(currentMarker('/orgs/octo-org', codespaces)).toBeUndefined();
  });

  it('knows the organisations’ pages', () => {
    expect(inOrganizations('/orgs/octo-org')).toBe(true);
    expect(inOrganizations('/orgs/octo-org/usage')).toBe(true);
    expect(inOrganizations('/usage')).toBe(false);
  });
});
