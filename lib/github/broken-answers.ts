/**
 * Whether what GitHub sent can be passed on as GitHub's answer. GitHub's REST API answers JSON
 * objects and arrays; its edge, a proxy or a dropped connection can answer otherwise: an HTML
 * error page ("Unicorn!"), nothing at all, JSON cut off part way, or JSON of another shape. Those
 * become Hangar's own 502 (see upstream.ts), never a crash and never the HTML passed to the page.
 * Pure.
 */

/** Statuses that carry no body by definition. */
const BODYLESS = new Set([204, 205, 304]);
/** Accepted without a body: 202 ("Accepted") answers that GitHub sends empty for some operations. */
const MAY_BE_EMPTY = new Set([202]);

/** What is wrong with GitHub's answer, in a few words for the log and the message; null when nothing. */
export function brokenAnswer(status: number, contentType: string | undefined, body: string | null): string | null {
  if (BODYLESS.has(status)) return null;
  if (body === null || body.trim() === '') return MAY_BE_EMPTY.has(status) ? null : 'an empty body';
  if (contentType && !/^application\/([\w.+-]*\+)?json\b/i.test(contentType.trim())) {
    return /^text\/html\b/i.test(contentType.trim()) ? 'an HTML page' : `${contentType.split(';')[0]!.trim().slice(0, 60)} instead of JSON`;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return /^\s*</.test(body) ? 'an HTML page' : 'JSON cut off or malformed';
  }
  if (typeof parsed !== 'object' || parsed === null) return 'JSON of the wrong shape';
  return null;
}

/** The status Hangar answers for a broken answer: GitHub's own 4xx keeps its meaning (401 is still "sign in"), the rest is 502. */
export function brokenAnswerStatus(status: number): number {
  return status >= 400 && status < 500 ? status : 502;
}

/** Hangar's words for a broken answer (its `{ message, status }` body). */
export function brokenAnswerMessage(status: number, problem: string): string {
  return `GitHub answered ${status} with ${problem}, which Hangar cannot read.`;
}
