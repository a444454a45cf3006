/**
 * Fuzzy ranking for the command palette. Pure. For each term of the query, the best of an item's
 * texts counts, and the kind of match decides first: the whole text, then a match at the start of
 * the text or of a word in it ("web" in "octo-org/web-app"), then anywhere inside a word, then
 * the letters in order, as initials of words ("gpl" in "glowing pancake lamp") or close together
 * ("ckt" in "checkout"; "web" spread over "silver waffle umbrella" is noise, not a match). Earlier texts (the label) beat later ones
 * (repository, keywords) within a kind, and an earlier, tighter match beats a later, looser one.
 */

const EXACT = 4;
const WORD_START = 3;
const SUBSTRING = 2;
const SUBSEQUENCE = 1;

/** Where a word starts: after a space or one of the separators names and paths use. */
const SEPARATOR = /[\s\-_/.:·,()]/;

function isWordStart(text: string, index: number): boolean {
  if (index === 0) return true;
  const before = text[index - 1]!;
  const at = text[index]!;
  // "myCodespace": a capital after a lower-case letter starts a word too.
  return SEPARATOR.test(before) || (before === before.toLowerCase() && at !== at.toLowerCase());
}

/** How well `term` (lower-cased) matches one `text`: 0 for no match, higher is better. */
export function scoreText(term: string, text: string): number {
  if (!term) return 0;
  const lower = text.toLowerCase();
  if (lower === term) return EXACT * 10_000;

  let firstSubstring = -1;
  for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1)) {
    if (isWordStart(text, at)) return WORD_START * 10_000 - Math.min(at, 999) * 4 - Math.min(lower.length, 999) / 1000;
    if (firstSubstring === -1) firstSubstring = at;
  }
  if (firstSubstring !== -1) return SUBSTRING * 10_000 - Math.min(firstSubstring, 999) * 4;

  // Letters in order: as initials of words ("gpl" for "glowing pancake lamp"), or close together.
  if (matchesWordStarts(term, text, lower)) return SUBSEQUENCE * 10_000 + 2_000;
  const span = tightestSpan(term, lower);
  if (span === null || span > term.length * 3) return 0;
  return SUBSEQUENCE * 10_000 - span * 4;
}

/** The shortest stretch of `lower` holding the term's letters in order, or null. */
function tightestSpan(term: string, lower: string): number | null {
  let best: number | null = null;
  for (let start = lower.indexOf(term[0]!); start !== -1; start = lower.indexOf(term[0]!, start + 1)) {
    let at = start;
    for (let i = 1; i < term.length && at !== -1; i++) at = lower.indexOf(term[i]!, at + 1);
    if (at === -1) break;
    const span = at - start + 1;
    if (best === null || span < best) best = span;
  }
  return best;
}

/** Whether every letter of the term lands on a word start or right after the previous one. */
function matchesWordStarts(term: string, text: string, lower: string): boolean {
  // reachable[j]: the letters so far can end at position j.
  let reachable = new Set<number>();
  for (let j = 0; j < lower.length; j++) if (lower[j] === term[0] && isWordStart(text, j)) reachable.add(j);
  for (let i = 1; i < term.length && reachable.size > 0; i++) {
    const next = new Set<number>();
    const earliest = Math.min(...reachable);
    for (let j = earliest + 1; j < lower.length; j++) {
      if (lower[j] !== term[i]) continue;
      if (reachable.has(j - 1) || isWordStart(text, j)) next.add(j);
    }
    reachable = next;
  }
  return reachable.size > 0;
}

/** How well a query matches an item's texts (label first): 0 when any term matches none of them. */
export function scoreItem(query: string, texts: readonly string[]): number {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return 0;
  let total = 0;
  for (const term of terms) {
    let best = 0;
    texts.forEach((text, index) => {
      const score = scoreText(term, text);
      // Within a kind of match the label wins; a better kind of match anywhere still wins.
      if (score > 0) best = Math.max(best, score - index * 500);
    });
    if (best <= 0) return 0;
    total += best;
  }
  return total;
}

/**
 * The items matching `query`, best first (ties keep their order). An empty query keeps every
 * item in its order. `limit` caps the answer, so a palette over thousands stays quick to render.
 */
export function rankItems<T>(items: readonly T[], query: string, textsOf: (item: T) => readonly string[], limit = Infinity): T[] {
  if (!query.trim()) return items.slice(0, limit);
  const scored: { item: T; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    const score = scoreItem(query, textsOf(item));
    if (score > 0) scored.push({ item, score, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.item);
}
