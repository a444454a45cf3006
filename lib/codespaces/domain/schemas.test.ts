import { describe, expect, it } from 'vitest';
import { matchOperation, validateBody } from '@/lib/github/allowlist.server';
import { allowlist } from '@/lib/operations/allowlist.server';
import { displayName } from './schemas';

describe('a codespace’s display name', () => {
  it('is one line of text: a line break, a tab or another control character is refused in words', () => {
    for (const name of [
      '=HYPERLINK("//evil.example","x")\n&""',
      'two\nlines',
      'with\ttab',
      'null\u0000byte',
      'bell\u0007',
      'del\u007f',
      'c1\u0085',
    ]) {
      const parsed = displayName.safeParse(name);
      expect(parsed.success, JSON.stringify(name)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('Names are one line, without tabs or other control characters');
    }
  });

  it('takes any other text up to 48 characters, trimmed', () => {
    for (const name of ['Review #12', 'Überprüfung – 😀', 'ｗｉｄｅ', '  spaced  ']) expect(displayName.safeParse(name).success).toBe(true);
    expect(displayName.parse('  spaced  ')).toBe('spaced');
  });

  it('is held to the same rule by the proxy, before anything reaches GitHub', () => {
    const matched = matchOperation('PATCH', '/user/codespaces/mona-web-1', new URLSearchParams(), allowlist);
    expect('operation' in matched).toBe(true);
    if (!('operation' in matched)) return;
    expect(validateBody(matched.operation, { display_name: '=1+1\n&""' })).toEqual({
      status: 400,
      message: 'Invalid body: display_name: Names are one line, without tabs or other control characters',
    });
    expect(validateBody(matched.operation, { display_name: 'Renamed' })).toEqual({ ok: true, data: { display_name: 'Renamed' } });
  });
});
