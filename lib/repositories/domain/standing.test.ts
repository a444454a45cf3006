import { describe, expect, it } from 'vitest';
import { answerOf, repositoryStanding } from './standing';

const loaded = { loaded: true };
const pending = { loaded: false };
const failed = (status: number) => ({ loaded: false, failedWith: status });

describe('what a repository’s page can show', () => {
  it('everything, once GitHub answers for the repository itself', () => {
    expect(repositoryStanding(loaded, pending)).toBe('shown');
    expect(repositoryStanding(loaded, failed(500))).toBe('shown');
  });

  it('a private repository hidden from the token (404) whose codespaces GitHub still lists: hidden, never “no such repository”', () => {
    expect(repositoryStanding(failed(404), loaded)).toBe('hidden');
  });

  it('no such repository only when its codespaces are not found either', () => {
    expect(repositoryStanding(failed(404), failed(404))).toBe('not-found');
  });

  it('waits for the codespaces before deciding on a 404, and for the repository before anything', () => {
    expect(repositoryStanding(failed(404), pending)).toBe('loading');
    expect(repositoryStanding(pending, loaded)).toBe('loading');
  });

  it('another failure is a failure, not a missing repository', () => {
    expect(repositoryStanding(failed(502), loaded)).toBe('failed');
    expect(repositoryStanding(failed(404), failed(503))).toBe('failed');
  });
});

describe('a query’s outcome', () => {
  it('is loaded, pending, or the status it failed with', () => {
    expect(answerOf({ data: [], error: new Error('stale') })).toEqual({ loaded: true });
    expect(answerOf({ data: undefined, error: null })).toEqual({ loaded: false });
    expect(answerOf({ data: undefined, error: Object.assign(new Error('Not Found'), { status: 404 }) })).toEqual({
      loaded: false,
      failedWith: 404,
    });
    expect(answerOf({ data: undefined, error: new TypeError('Failed to fetch') })).toEqual({ loaded: false, failedWith: 0 });
  });
});
