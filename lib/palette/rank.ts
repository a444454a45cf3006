/**
 * Fuzzy ranking for the command palette. Pure. For each term of the query, the best of an item's
 * texts counts, and the kind of match decides first: the whole text, then a match at the start of
 * the text or of a word in it ("web" in "octo-org/web-app"), then anywhere inside a word, then
 * the letters in order with gaps ("ckt" in "checkout"). Earlier texts (the label) beat later ones
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

  // Letters in order: the tighter the span, the better.
  let from = lower.indexOf(term[0]!);
  if (from === -1) return 0;
  const start = from;
  for (let i = 1; i < term.length; i++) {
    from = lower.indexOf(term[i]!, from + 1);
    if (from === -1) return 0;
  }
  return SUBSEQUENCE * 10_000 - Math.min(from - start, 999) * 4 - Math.min(start, 999) / 1000;
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
