/**
 * One instance of `make()` per server process, under `name`, whichever module copy asks first.
 * Next bundles route handlers and server-rendered pages apart, each with its own copy of a module's
 * state: a limit on requests to GitHub kept in a module would be one per bundle (a page's reads and
 * the list route's together went 8 out at once where each allowed 4), and what one reads for the
 * other would not be found.
 */
export function processWide<T>(name: string, make: () => T): T {
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`hangar.${name}`);
  return (holder[key] ??= make());
}
