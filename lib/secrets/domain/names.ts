/**
 * GitHub's rules for secret names and values, as the words shown beside the field. The same
 * checks back the zod schemas (../operations.server.ts), so the form refuses exactly what the proxy would.
 */

/**
 * GitHub documents no length limit for a secret's name; this bound keeps a name a sane
 * path segment (it travels in the URL) without refusing any name a person would type.
 */
const MAX_SECRET_NAME_LENGTH = 255;
/** GitHub: "Secrets are limited to 48 KB in size." */
export const MAX_SECRET_VALUE_BYTES = 48 * 1024;

/** Which repositories may use a secret: every one, the private ones, or those chosen (organisation secrets). */
export const SECRET_VISIBILITIES = ['all', 'private', 'selected'] as const;
export type SecretVisibility = (typeof SECRET_VISIBILITIES)[number];

/** Why GitHub would refuse this secret name, in the words shown beside the field; null when it would not. */
export function secretNameProblem(name: string): string | null {
  if (name === '') return 'Enter a name';
  if (!/^[A-Za-z0-9_]+$/.test(name)) return 'Names can only contain letters, digits and underscores';
  if (/^[0-9]/.test(name)) return 'Names cannot start with a number';
  // Not case-sensitive: GitHub keeps names in upper case, so `github_x` is `GITHUB_X`.
  if (/^GITHUB_/i.test(name)) return 'Names cannot start with GITHUB_';
  if (name.length > MAX_SECRET_NAME_LENGTH) return `Names can be at most ${MAX_SECRET_NAME_LENGTH} characters`;
  return null;
}

/** Why this value cannot be stored, or null. Empty values are refused: a secret with nothing in it is a mistake. */
export function secretValueProblem(value: string): string | null {
  if (value === '') return 'Enter a value';
  if (new TextEncoder().encode(value).length > MAX_SECRET_VALUE_BYTES) return 'Values can be at most 48 KB';
  return null;
}

/** The name as GitHub will show it: secret names are not case-sensitive and are kept in upper case. */
export function normalizeSecretName(name: string): string {
  return name.toUpperCase();
}
