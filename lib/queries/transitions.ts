import type { CodespaceState } from '@/lib/codespaces/types';
import { isTransitional } from '@/lib/codespaces/state';

/**
 * Codespaces the user started or stopped, watched until they land, to say so. Fed by the power
 * mutations; read by the query cache whenever any query brings codespaces (lib/queries/query-client.ts),
 * so the notice comes on whichever page the user is by then.
 */

export interface AwaitedTransition {
  target: CodespaceState;
  title: string;
  /** What to say on arrival: "is running". */
  done: string;
}

export type Arrival = { title: string; message: string; ok: boolean };

const awaited = new Map<string, AwaitedTransition>();

export function awaitTransition(name: string, transition: AwaitedTransition) {
  awaited.set(name, transition);
}

/** The codespaces a query's data holds: the list's items, or one codespace. */
function codespacesIn(data: unknown): { name: string; state: CodespaceState }[] {
  if (!data || typeof data !== 'object') return [];
  const items = (data as { items?: unknown }).items;
  if (Array.isArray(items)) return items as { name: string; state: CodespaceState }[];
  const one = data as { name?: unknown; state?: unknown };
  return typeof one.name === 'string' && typeof one.state === 'string' ? [one as { name: string; state: CodespaceState }] : [];
}

/** Which awaited codespaces this data shows settled, each said once. */
export function arrivalsIn(data: unknown): Arrival[] {
  if (awaited.size === 0) return [];
  const arrivals: Arrival[] = [];
  for (const codespace of codespacesIn(data)) {
    const transition = awaited.get(codespace.name);
    if (!transition || isTransitional(codespace.state)) continue;
    awaited.delete(codespace.name);
    arrivals.push(
      codespace.state === transition.target
        ? { title: transition.title, message: `${transition.title} ${transition.done}`, ok: true }
        : { title: transition.title, message: `${transition.title} ended up ${codespace.state}`, ok: false },
    );
  }
  return arrivals;
}

/** Forgets every watched codespace (sign-out, tests). */
export function clearAwaitedTransitions() {
  awaited.clear();
}
