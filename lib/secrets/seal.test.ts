import { describe, expect, it } from 'vitest';
import { createEmulator } from '@/emulator';
import { newKeyPair, openSealedBox } from '@/emulator/sealed-box';
import { userSecretBody } from './operations.server';
import { SealError, sealForKey, sealSecret } from './seal';

describe('sealing a secret in the browser', () => {
  it('seals so that GitHub (the emulator) opens exactly the value typed', async () => {
    const pair = newKeyPair();
    for (const value of ['s3cret', 'ünïcødé and emoji 🔑', ' spaces kept ', 'x'.repeat(48 * 1024)]) {
      const sealed = await sealSecret(value, pair.publicKey);
      expect(sealed).not.toContain(value.slice(0, 6));
      const opened = await openSealedBox(sealed, pair);
      expect(new TextDecoder().decode(opened!)).toBe(value);
    }
  });

  it('seals afresh each time, and only for the key it was given', async () => {
    const pair = newKeyPair();
    const first = await sealSecret('same', pair.publicKey);
    expect(await sealSecret('same', pair.publicKey)).not.toBe(first);
    expect(await openSealedBox(first, newKeyPair())).toBeNull();
  });

  it('makes a body the schema accepts', async () => {
    const pair = newKeyPair();
    const body = await sealForKey('value', { key_id: pair.keyId, key: pair.publicKey });
    expect(userSecretBody.safeParse(body).success).toBe(true);
    expect(body.key_id).toBe(pair.keyId);
  });

  it('refuses a key that is not a 32-byte base64 key, without saying the value', async () => {
    await expect(sealSecret('hunter2', 'not base64!')).rejects.toThrow(SealError);
    const short = Buffer.alloc(16).toString('base64');
    await expect(sealSecret('hunter2', short)).rejects.toThrow(/not a 32-byte X25519 key/);
    await expect(sealSecret('hunter2', short)).rejects.not.toThrow(/hunter2/);
  });

  it('round trip through the emulator’s REST API: GitHub holds the typed value, never answers it back', async () => {
    const emulator = createEmulator({ control: true });
    const token = emulator.issueToken('mona');
    const call = (path: string, init: RequestInit = {}) =>
      emulator.handle(
        new Request(`http://gh.test/api${path}`, {
          ...init,
          headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
        }),
      );
    const key = (await (await call('/user/codespaces/secrets/public-key')).json()) as { key_id: string; key: string };
    const put = await call('/user/codespaces/secrets/ROUND_TRIP', {
      method: 'PUT',
      body: JSON.stringify(await sealForKey('typed value', key)),
    });
    expect(put.status).toBe(201);
    const held = await emulator.handle(new Request('http://gh.test/_emulator/secrets?scope=user&owner=mona&name=ROUND_TRIP'));
    expect(await held.json()).toEqual({ value: 'typed value' });
    expect(await (await call('/user/codespaces/secrets/ROUND_TRIP')).text()).not.toContain('typed value');
  });
});
