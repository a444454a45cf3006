import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Values stored where others could read them (Redis) that hold credentials: encrypted with
 * AES-256-GCM under a key derived from AUTH_SECRET for one purpose, and bound to the name they are
 * stored under, so a value moved to another name does not open.
 */
export class SealedValues<T> {
  private readonly key: Buffer;

  /** `purpose` keeps each kind of value's key apart, e.g. `hangar renewal records v1`. */
  constructor(
    secret: string,
    purpose: string,
    /** Checks what was opened, where its shape is worth checking. */
    private readonly isValue?: (value: unknown) => value is T,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'hangar', purpose, 32));
  }

  seal(name: string, value: T): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(name));
    const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return [iv, data, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
  }

  /** The value sealed under `name`, or undefined: another deployment's secret, or tampered with, is as good as absent. */
  open(name: string, sealed: string): T | undefined {
    try {
      const [iv, data, tag] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv!);
      decipher.setAAD(Buffer.from(name));
      decipher.setAuthTag(tag!);
      const value = JSON.parse(Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8')) as unknown;
      return !this.isValue || this.isValue(value) ? (value as T) : undefined;
    } catch {
      return undefined;
    }
  }
}
