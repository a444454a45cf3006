import { isTransitional } from '@/lib/codespaces/domain/state';
import type { CodespaceExport, CodespaceState } from '@/lib/codespaces/domain/types';

/**
 * What the user is waiting for: codespaces they started or stopped, until they land, and exports
 * they started, until they finish. Fed by the actions (actions.ts, queries.ts); read whenever any
 * query brings news of them (the query client's listener, lib/attention/news.client.ts), on
 * whichever page the user is by then, and asked for by the background watch (watch.ts) while
 * nothing else asks.
 */

export interface AwaitedTransition {
  target: CodespaceState;
  title: string;
  /** What to say on arrival: "is running". */
  done: string;
  /** The user's own (the background watch can look it up); false for an organisation member's. */
  mine: boolean;
}

/** News of a codespace or export the user waits for, as the attention slice tells it. */
export type CodespaceNews =
  | { kind: 'available'; name: string; title: string }
  | { kind: 'start-failed'; name: string; title: string; state: string }
  | { kind: 'export-succeeded'; name: string; title: string; branch: string | null; url: string | null }
  | { kind: 'export-failed'; name: string; title: string };

/** A codespace landing (or not) where it was going; a start's news is a notification, a stop's a toast. */
export type Arrival = { kind: 'notification'; event: CodespaceNews } | { kind: 'toast'; message: string; ok: boolean };

const awaited = new Map<string, AwaitedTransition>();
const awaitedExports = new Map<string, { name: string; id: string; title: string }>();

export function awaitTransition(name: string, transition: AwaitedTransition) {
  awaited.set(name, transition);
}

export function awaitExport(name: string, id: string, title: string) {
  awaitedExports.set(`${name}\0${id}`, { name, id, title });
}

/** What the background watch can look up: the user's own codespaces still awaited, and exports by codespace and id. */
export function pendingWatches(): { codespaces: string[]; exports: { name: string; id: string }[] } {
  return {
    codespaces: [...awaited].filter(([, transition]) => transition.mine).map(([name]) => name),
    exports: [...awaitedExports.values()].map(({ name, id }) => ({ name, id })),
  };
}

type Named = { name: string; state: CodespaceState };

/** The codespaces a query's data holds: a list's items (streamed, or an array), or one codespace. */
function codespacesIn(data: unknown): Named[] {
  if (!data || typeof data !== 'object') return [];
  const items = Array.isArray(data) ? data : (data as { items?: unknown }).items;
  if (Array.isArray(items)) return items as Named[];
  const one = data as { name?: unknown; state?: unknown };
  return typeof one.name === 'string' && typeof one.state === 'string' ? [one as Named] : [];
}

/** Which awaited codespaces this data shows settled, each said once. */
export function arrivalsIn(data: unknown): Arrival[] {
  if (awaited.size === 0) return [];
  const arrivals: Arrival[] = [];
  for (const codespace of codespacesIn(data)) {
    const transition = awaited.get(codespace.name);
    if (!transition || isTransitional(codespace.state)) continue;
    awaited.delete(codespace.name);
    const ok = codespace.state === transition.target;
    if (transition.target === 'Available') {
      arrivals.push({
        kind: 'notification',
        event: ok
          ? { kind: 'available', name: codespace.name, title: transition.title }
          : { kind: 'start-failed', name: codespace.name, title: transition.title, state: codespace.state },
      });
    } else {
      arrivals.push({
        kind: 'toast',
        ok,
        message: ok ? `${transition.title} ${transition.done}` : `${transition.title} ended up ${codespace.state}`,
      });
    }
  }
  return arrivals;
}

/** An awaited export this answer shows finished (succeeded or failed), said once. */
export function exportArrivalIn(
  name: string,
  details: Pick<CodespaceExport, 'id' | 'state' | 'branch' | 'html_url'>,
): CodespaceNews | null {
  const key = `${name}\0${details.id}`;
  if (!awaitedExports.has(key) || (details.state !== 'succeeded' && details.state !== 'failed')) return null;
  const { title } = awaitedExports.get(key)!;
  awaitedExports.delete(key);
  return details.state === 'succeeded'
    ? { kind: 'export-succeeded', name, title, branch: details.branch ?? null, url: details.html_url ?? null }
    : { kind: 'export-failed', name, title };
}

/** Stops waiting for a codespace that is gone (GitHub answers 404 for it). */
export function forgetAwaited(name: string) {
  awaited.delete(name);
  for (const [key, watched] of awaitedExports) if (watched.name === name) awaitedExports.delete(key);
}

/** Forgets everything awaited (sign-out, tests). */
export function clearAwaitedTransitions() {
  awaited.clear();
  awaitedExports.clear();
}
