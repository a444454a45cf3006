// The emulator's test hooks (`/_emulator/…`): fleets, tokens, and the log of what GitHub was asked.

/** GET (no body) or POST (a JSON body) to a test hook of the emulator at `base`. */
export async function emulatorControl(base, pathname, body) {
  const response = await fetch(`${base}/_emulator${pathname}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${pathname} answered ${response.status}`);
  return response.status === 204 ? null : response.json();
}

/** The request log of the emulator at `base` since `since` (epoch ms), only REST calls of `login`. */
export async function upstreamLog(base, since, login) {
  const { entries } = await emulatorControl(base, `/log?since=${since}`);
  return entries.filter((e) => e.login === login && !e.path.startsWith('/login/'));
}

/** Log entries counted by status: `{ 200: 3, 304: 57 }`. */
export function countByStatus(entries) {
  const counts = {};
  for (const e of entries) counts[e.status] = (counts[e.status] ?? 0) + 1;
  return counts;
}
