/**
 * The emulator's route table: GitHub's route templates (`/user/codespaces/{codespace_name}`) with
 * their handlers. A path is matched against the most specific template first: a literal segment
 * beats a parameter at the first place two templates differ, so `/user/codespaces/secrets` is
 * never read as a codespace named `secrets`. A template that fits but cannot take the path (an
 * undecodable parameter) does not end the search: the next one is tried.
 */

export interface RouteMatch<T> {
  entry: T;
  params: Record<string, string>;
}

interface Compiled<T> {
  method: string;
  template: string;
  /** `null` marks a parameter, with its name in `names` at the same index. */
  literals: (string | null)[];
  names: (string | null)[];
  entry: T;
}

/** Negative when `a` is more specific than `b`: literals before parameters, position by position. */
function compareSpecificity(a: readonly (string | null)[], b: readonly (string | null)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const aLiteral = a[i] !== null;
    const bLiteral = b[i] !== null;
    if (aLiteral !== bLiteral) return aLiteral ? -1 : 1;
  }
  return a.length - b.length;
}

export class Router<T> {
  private readonly routes: Compiled<T>[] = [];

  add(method: string, template: string, entry: T): void {
    const parts = template.slice(1).split('/');
    const compiled: Compiled<T> = {
      method,
      template,
      literals: parts.map((part) => (part.startsWith('{') ? null : part)),
      names: parts.map((part) => (part.startsWith('{') ? part.slice(1, -1) : null)),
      entry,
    };
    // Kept sorted, most specific first; equal ones in the order they were added.
    const at = this.routes.findIndex((r) => compareSpecificity(compiled.literals, r.literals) < 0);
    if (at < 0) this.routes.push(compiled);
    else this.routes.splice(at, 0, compiled);
  }

  /** Every `METHOD /template` in the table, for tests that compare it with GitHub's description. */
  list(): { method: string; template: string; entry: T }[] {
    return this.routes.map(({ method, template, entry }) => ({ method, template, entry }));
  }

  /** The most specific route for this method and path, or null (GitHub answers 404 either way). */
  match(method: string, path: string): RouteMatch<T> | null {
    const segments = path.slice(1).split('/');
    for (const route of this.routes) {
      if (route.method !== method || route.literals.length !== segments.length) continue;
      const params = capture(route, segments);
      if (params) return { entry: route.entry, params };
    }
    return null;
  }
}

function capture<T>(route: Compiled<T>, segments: string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const literal = route.literals[i];
    const segment = segments[i]!;
    if (literal !== null) {
      if (literal !== segment) return null;
      continue;
    }
    if (segment === '') return null;
    try {
      params[route.names[i]!] = decodeURIComponent(segment);
    } catch {
      return null;
    }
  }
  return params;
}
