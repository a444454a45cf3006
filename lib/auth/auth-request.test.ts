import { describe, expect, it } from 'vitest';
import { MAX_AUTH_BODY_BYTES, refuseAuthBody } from './auth-request';

const post = (body: BodyInit, type: string) =>
  new Request('http://hangar.test/api/auth/signin/github', { method: 'POST', headers: { 'content-type': type }, body });

describe('POST bodies of next-auth’s routes', () => {
  it('refuses junk sent as JSON with 400 in Hangar’s words, which next-auth would answer with a 500', async () => {
    for (const junk of ['{', 'not json', '[1,2]', 'null', '"csrf"']) {
      const refused = await refuseAuthBody(post(junk, 'application/json'));
      expect(refused?.status, junk).toBe(400);
      expect(await refused!.json()).toEqual({ message: 'Body is not a JSON object', status: 400 });
    }
  });

  it('lets next-auth’s own forms through, form-encoded or JSON, and leaves the body for it to read', async () => {
    const form = post(new URLSearchParams({ csrfToken: 'x', callbackUrl: '/' }), 'application/x-www-form-urlencoded');
    expect(await refuseAuthBody(form)).toBeNull();
    expect(await form.text()).toBe('csrfToken=x&callbackUrl=%2F');
    const json = post(JSON.stringify({ csrfToken: 'x', json: 'true' }), 'application/json');
    expect(await refuseAuthBody(json)).toBeNull();
    expect(await json.json()).toEqual({ csrfToken: 'x', json: 'true' });
    expect(await refuseAuthBody(new Request('http://hangar.test/api/auth/session'))).toBeNull();
  });

  it('refuses a body larger than any of its forms with 413', async () => {
    const big = 'x'.repeat(MAX_AUTH_BODY_BYTES + 1);
    expect((await refuseAuthBody(post(big, 'application/x-www-form-urlencoded')))?.status).toBe(413);
  });
});
