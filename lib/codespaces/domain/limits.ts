/** GitHub keeps a display name to 48 characters. Here without zod, for the fields that count against it as you type. */
export const DISPLAY_NAME_MAX = 48;
