/**
 * Server logging that cannot leak credentials: every line passes through `redactSecrets` before it
 * is written. Pure apart from the final write, so the redaction is unit tested.
 */
import { infoLogsOff } from '@/lib/config';

const SECRET_PATTERNS: [RegExp, string][] = [
  // GitHub tokens of every kind: gho_ (OAuth), ghp_ (personal), ghu_/ghs_/ghr_ (apps), github_pat_.
  [/\b(gh[opusr]_)[A-Za-z0-9]{16,}/g, '$1[REDACTED]'],
  [/\bgithub_pat_[A-Za-z0-9_]{20,}/g, 'github_pat_[REDACTED]'],
  // Any Authorization header value, however it is quoted or cased.
  [/(authorization["']?\s*[:=]\s*["']?)(?:token|bearer|basic)?\s*[^\s"',}]+/gi, '$1[REDACTED]'],
  // OAuth exchange parameters.
  [/((?:access_token|refresh_token|client_secret|code)["']?\s*[:=]\s*["']?)[^\s"'&,}]+/gi, '$1[REDACTED]'],
];

export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

export type LogLevel = 'info' | 'warn' | 'error';

/** One JSON line on stdout (info) or stderr (warn, error), redacted. `HANGAR_LOG=off` silences info. */
export function logEvent(level: LogLevel, event: string, fields: Record<string, unknown> = {}): void {
  if (level === 'info' && infoLogsOff()) return;
  const line = redactSecrets(JSON.stringify({ at: new Date().toISOString(), level, event, ...fields }));
  (level === 'info' ? console.log : console.error)(line);
}

/** Octokit's own line for a request that did not answer 2xx: `GET /path - 404 with id … in 12ms`. */
const OCTOKIT_REQUEST_LINE = /^[A-Z]+ \S+ - \d{3} with id \S+ in \d+ms$/;

/** A logger shaped like Octokit's `log` option: its warnings and errors, redacted, as JSON lines. */
export const octokitLog = {
  debug: () => {},
  // Hangar writes its own line per proxied request (proxy.ts); Octokit's info would repeat it.
  info: () => {},
  warn: (...args: unknown[]) => logEvent('warn', 'octokit', { message: args.map(stringify).join(' ') }),
  error: (...args: unknown[]) => {
    const message = args.map(stringify).join(' ');
    // A 304 or a 404 from GitHub is an answer, not a server error: it is logged as a request.
    if (OCTOKIT_REQUEST_LINE.test(message)) logEvent('info', 'github.request', { message });
    else logEvent('error', 'octokit', { message });
  },
};
