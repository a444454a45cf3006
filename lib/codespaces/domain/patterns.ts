/** A codespace's name as GitHub makes them, for the input schemas (zod) and the reading of answers (zod/mini). */

export const CODESPACE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
