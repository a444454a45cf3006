import { describe, expect, it } from 'vitest';
import { Router } from './router';

describe("the emulator's route table", () => {
  const table = () => {
    const router = new Router<string>();
    // Registered in the "wrong" order on purpose: specificity, not order, decides.
    router.add('GET', '/user/codespaces/{codespace_name}', 'get codespace');
    router.add('GET', '/user/codespaces/secrets', 'list secrets');
    router.add('GET', '/user/codespaces/{codespace_name}/machines', 'machines');
    router.add('GET', '/user/codespaces/secrets/{secret_name}', 'get secret');
    router.add('DELETE', '/user/codespaces/{codespace_name}', 'delete codespace');
    return router;
  };

  it('prefers a literal segment over a parameter: /user/codespaces/secrets is not a codespace named "secrets"', () => {
    expect(table().match('GET', '/user/codespaces/secrets')).toEqual({ entry: 'list secrets', params: {} });
    expect(table().match('GET', '/user/codespaces/secrets/TOKEN')).toEqual({ entry: 'get secret', params: { secret_name: 'TOKEN' } });
  });

  it('still reads any other name as a codespace, and a method the literal route lacks as the parameter route', () => {
    expect(table().match('GET', '/user/codespaces/fluffy-space')).toEqual({
      entry: 'get codespace',
      params: { codespace_name: 'fluffy-space' },
    });
    expect(table().match('DELETE', '/user/codespaces/secrets')).toEqual({
      entry: 'delete codespace',
      params: { codespace_name: 'secrets' },
    });
  });

  it('decodes parameters, and treats an undecodable one as no match rather than an error', () => {
    expect(table().match('GET', '/user/codespaces/a%20b')?.params).toEqual({ codespace_name: 'a b' });
    expect(table().match('GET', '/user/codespaces/%E0%A4%A')).toBeNull();
  });

  it('answers nothing for unknown paths, other lengths and empty segments', () => {
    expect(table().match('GET', '/user/codespaces//machines')).toBeNull();
    expect(table().match('GET', '/user/codespaces/x/y/z')).toBeNull();
    expect(table().match('POST', '/user/codespaces/secrets')).toBeNull();
  });

  it('lists its routes most specific first', () => {
    expect(
      table()
        .list()
        .map((r) => `${r.method} ${r.template}`)
        .slice(0, 2),
    ).toEqual(['GET /user/codespaces/secrets', 'GET /user/codespaces/secrets/{secret_name}']);
  });
});
