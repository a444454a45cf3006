/** GitHub's name rules as patterns, shared by the input schemas (zod) and the reading of answers (zod/mini). */

export const CODESPACE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
/** GitHub logins and organisation names: alphanumerics and single hyphens, at most 39 characters. */
export const ACCOUNT_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
export const REPOSITORY_FULL_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
