/**
 * Sealing a secret's value in the browser, as GitHub documents ("Encrypting secrets for the REST
 * API"): libsodium's sealed box (`crypto_box_seal`) with the public key GitHub gives for that
 * scope, sent as base64. Only the sealed value and the key's id leave the page.
 *
 * libsodium is big (its WebAssembly is inlined: about 434 KB minified, 151 KB gzipped), so it is
 * imported dynamically on the first seal and only pages that seal ever load it; a page can call
 * `preloadSealing()` when a form opens so the first seal does not wait.
 */
type Sodium = (typeof import('libsodium-wrappers'))['default'];

export interface SecretsPublicKey {
  key_id: string;
  /** Base64 (standard alphabet) X25519 public key. */
  key: string;
}

export class SealError extends Error {
  override name = 'SealError';
}

let loading: Promise<Sodium> | null = null;

/** libsodium, loaded and initialised once; a failed load is retried on the next seal. */
function libsodium(): Promise<Sodium> {
  loading ??= import('libsodium-wrappers')
    .then(async ({ default: sodium }) => {
      await sodium.ready;
      return sodium;
    })
    .catch((error: unknown) => {
      loading = null;
      throw new SealError(`The sealing library did not load: ${error instanceof Error ? error.message : String(error)}`);
    });
  return loading;
}

/** Starts loading libsodium ahead of the first seal (e.g. when a secret form opens); harmless to repeat. */
export function preloadSealing(): void {
  libsodium().catch(() => {
    // The seal itself will report it, and retry.
  });
}

/** Seals `value` for `publicKeyBase64` and returns the sealed box as base64 (GitHub's `encrypted_value`). */
export async function sealSecret(value: string, publicKeyBase64: string): Promise<string> {
  const sodium = await libsodium();
  let key: Uint8Array;
  try {
    key = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL);
  } catch {
    throw new SealError('GitHub’s public key is not base64');
  }
  if (key.length !== sodium.crypto_box_PUBLICKEYBYTES) throw new SealError('GitHub’s public key is not a 32-byte X25519 key');
  // Never put `value` in an error: it is the one thing that must not leak.
  return sodium.to_base64(sodium.crypto_box_seal(sodium.from_string(value), key), sodium.base64_variants.ORIGINAL);
}

/** The sealed part of a create-or-update body: `{ encrypted_value, key_id }` for this key. */
export async function sealForKey(value: string, publicKey: SecretsPublicKey): Promise<{ encrypted_value: string; key_id: string }> {
  return { encrypted_value: await sealSecret(value, publicKey.key), key_id: publicKey.key_id };
}
