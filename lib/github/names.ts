/** GitHub's name rules as patterns, for input schemas (zod) and for reading answers alike. */

/** GitHub logins and organisation names: alphanumerics and single hyphens, at most 39 characters. */
export const ACCOUNT_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
/** `owner/name`. */
export const REPOSITORY_FULL_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
