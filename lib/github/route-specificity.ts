/**
 * Which of two GitHub route templates a path should be tried against first: at the first place
 * they differ, a literal segment beats a parameter (`/user/codespaces/secrets` before
 * `/user/codespaces/{codespace_name}`). Routes of different lengths never fit the same path.
 */
export function compareRouteSpecificity(a: string, b: string): number {
  const left = a.slice(1).split('/');
  const right = b.slice(1).split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const leftParam = left[i]!.startsWith('{');
    const rightParam = right[i]!.startsWith('{');
    if (leftParam !== rightParam) return leftParam ? 1 : -1;
  }
  return left.length - right.length;
}
