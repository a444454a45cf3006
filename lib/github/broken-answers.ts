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

/**
 * GitHub's answer as JSON, or what is wrong with it in a few words for the log and the message.
 * `json` is undefined for an answer without a body that may have none.
 */
export function checkAnswer(status: number, contentType: string | undefined, body: string | null): { json: unknown } | { problem: string } {
  if (BODYLESS.has(status)) return { json: undefined };
  if (body === null || body.trim() === '') return MAY_BE_EMPTY.has(status) ? { json: undefined } : { problem: 'an empty body' };
  if (contentType && !/^application\/([\w.+-]*\+)?json\b/i.test(contentType.trim())) {
    return {
      problem: /^text\/html\b/i.test(contentType.trim())
        ? 'an HTML page'
        : `${contentType.split(';')[0]!.trim().slice(0, 60)} instead of JSON`,
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { problem: /^\s*</.test(body) ? 'an HTML page' : 'JSON cut off or malformed' };
  }
  if (typeof parsed !== 'object' || parsed === null) return { problem: 'JSON of the wrong shape' };
  return { json: parsed };
}

/** What is wrong with GitHub's answer, in a few words for the log and the message; null when nothing. */
export function brokenAnswer(status: number, contentType: string | undefined, body: string | null): string | null {
  const checked = checkAnswer(status, contentType, body);
  return 'problem' in checked ? checked.problem : null;
}

/** The status Hangar answers for a broken answer: GitHub's own 4xx keeps its meaning (401 is still "sign in"), the rest is 502. */
export function brokenAnswerStatus(status: number): number {
  return status >= 400 && status < 500 ? status : 502;
}

/** Hangar's words for a broken answer (its `{ message, status }` body). */
export function brokenAnswerMessage(status: number, problem: string): string {
  return `GitHub answered ${status} with ${problem}, which Hangar cannot read.`;
}
