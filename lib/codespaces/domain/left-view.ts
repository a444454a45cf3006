import { codespaceTitle } from '@/lib/codespaces/domain/state';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';

/**
 * A filtered list loses a row when the codespace's state changes under the filter (Stop under
 * "Running"): the row vanishes. These say so, in words. Pure.
 */

type Named = Pick<CodespaceSummary, 'name'>;

/**
 * The codespaces that were shown and are not any more, though they still exist: the ones acted
 * on (`acting`) only, so a filter the user changed or a deletion is not news.
 */
export function leftView<C extends Named>(
  shownBefore: readonly Named[],
  shownNow: readonly Named[],
  all: readonly C[],
  acting: ReadonlySet<string>,
): C[] {
  const now = new Set(shownNow.map((c) => c.name));
  const before = new Set(shownBefore.map((c) => c.name));
  return all.filter((c) => before.has(c.name) && !now.has(c.name) && acting.has(c.name));
}

/** What a state change under way is called, by the state it is in. */
const DOING: Partial<Record<string, string>> = {
  ShuttingDown: 'Stopping',
  Shutdown: 'Stopped',
  Starting: 'Starting',
  Queued: 'Starting',
  Provisioning: 'Starting',
  Available: 'Started',
  Rebuilding: 'Rebuilding',
  Updating: 'Updating',
  Exporting: 'Exporting',
};

/** E.g. "Stopping Usage view: it left this filtered view." */
export function leftViewMessage(codespaces: readonly Pick<CodespaceSummary, 'name' | 'display_name' | 'state'>[]): string | null {
  const [first] = codespaces;
  if (!first) return null;
  const doing = DOING[first.state];
  if (codespaces.length === 1) {
    const title = codespaceTitle(first);
    return doing ? `${doing} ${title}: it left this filtered view.` : `${title} is now ${first.state}: it left this filtered view.`;
  }
  const same = codespaces.every((c) => c.state === first.state);
  return same && doing
    ? `${doing} ${codespaces.length} codespaces: they left this filtered view.`
    : `${codespaces.length} codespaces changed state and left this filtered view.`;
}
