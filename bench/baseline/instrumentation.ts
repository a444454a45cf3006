/**
 * Does nothing: here only because Turbopack, finding no instrumentation in this project, takes the
 * repository's own instrumentation.ts, two folders up (as it does proxy.ts), and fails to build it.
 */
export function register() {}
