import { describe, expect, it } from 'vitest';
import { brokenAnswer, brokenAnswerMessage, brokenAnswerStatus } from './broken-answers';

const JSON_TYPE = 'application/json; charset=utf-8';

describe('what GitHub sent, read before it is passed on', () => {
  it('passes GitHub’s JSON objects and arrays, and the answers that have no body', () => {
    expect(brokenAnswer(200, JSON_TYPE, '{"total_count":0,"codespaces":[]}')).toBeNull();
    expect(brokenAnswer(200, 'application/vnd.github+json', '[]')).toBeNull();
    expect(brokenAnswer(404, JSON_TYPE, '{"message":"Not Found"}')).toBeNull();
    expect(brokenAnswer(200, undefined, '{"ok":true}')).toBeNull();
    expect(brokenAnswer(204, undefined, null)).toBeNull();
    expect(brokenAnswer(304, JSON_TYPE, null)).toBeNull();
    expect(brokenAnswer(202, JSON_TYPE, '')).toBeNull();
  });

  it('finds an HTML error page, by its type or by its look', () => {
    expect(brokenAnswer(503, 'text/html; charset=utf-8', '<!DOCTYPE html><title>Unicorn! · GitHub</title>')).toBe('an HTML page');
    expect(brokenAnswer(200, JSON_TYPE, '<html>oops</html>')).toBe('an HTML page');
    expect(brokenAnswer(200, 'text/plain', 'Service Unavailable')).toBe('text/plain instead of JSON');
  });

  it('finds an empty body where one was due', () => {
    expect(brokenAnswer(200, JSON_TYPE, '')).toBe('an empty body');
    expect(brokenAnswer(201, JSON_TYPE, null)).toBe('an empty body');
    expect(brokenAnswer(502, undefined, '  ')).toBe('an empty body');
  });

  it('finds JSON cut off part way, and JSON of the wrong shape', () => {
    const whole = JSON.stringify({ total_count: 1, codespaces: [{ name: 'a', state: 'Available' }] });
    expect(brokenAnswer(200, JSON_TYPE, whole.slice(0, whole.length / 2))).toBe('JSON cut off or malformed');
    for (const body of ['"a string"', '42', 'null', 'true']) expect(brokenAnswer(200, JSON_TYPE, body)).toBe('JSON of the wrong shape');
  });

  it('answers 502 for it, except where GitHub’s 4xx still means something', () => {
    expect(brokenAnswerStatus(200)).toBe(502);
    expect(brokenAnswerStatus(503)).toBe(502);
    expect(brokenAnswerStatus(401)).toBe(401);
    expect(brokenAnswerMessage(503, 'an HTML page')).toBe('GitHub answered 503 with an HTML page, which Hangar cannot read.');
  });
});
