/**
 * The cryptography behind GitHub's secrets: an X25519 key pair per scope, and libsodium's sealed
 * box (`crypto_box_seal_open`) to open what a client sealed with the public key, as GitHub does.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import sodium from 'libsodium-wrappers';

export interface KeyPair {
  /** GitHub's `key_id`: a decimal string naming this key. */
  keyId: string;
  /** The public key, base64 with the standard alphabet and padding, as GitHub's `key`. */
  publicKey: string;
  privateKey: Uint8Array;
}

/** libsodium's WebAssembly, loaded once; the handlers that open boxes wait for it. */
const ready = sodium.ready.then(() => sodium);

/** Overhead of a sealed box: the ephemeral public key (32 bytes) and the MAC (16 bytes). */
const SEALED_BOX_OVERHEAD = 48;

/** A fresh key pair. Synchronous (Node's X25519, the same curve libsodium's boxes use), so seeding needs no wait. */
export function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const pub = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const priv = Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url');
  // GitHub's key ids are long decimal numbers; derive one from the key so each key has its own.
  const keyId = createHash('sha256').update(pub).digest().readBigUInt64BE(0).toString().slice(0, 19);
  return { keyId, publicKey: pub.toString('base64'), privateKey: new Uint8Array(priv) };
}

/**
 * Opens a sealed box given as base64 with `pair`, or null when it is not one sealed with that
 * pair's public key (wrong key, truncated, tampered with, or never sealed at all).
 */
export async function openSealedBox(encryptedBase64: string, pair: Pick<KeyPair, 'publicKey' | 'privateKey'>): Promise<Uint8Array | null> {
  const lib = await ready;
  const sealed = Buffer.from(encryptedBase64, 'base64');
  if (sealed.length < SEALED_BOX_OVERHEAD) return null;
  try {
    return lib.crypto_box_seal_open(new Uint8Array(sealed), new Uint8Array(Buffer.from(pair.publicKey, 'base64')), pair.privateKey);
  } catch {
    return null;
  }
}
