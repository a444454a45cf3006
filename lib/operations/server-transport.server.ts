import 'server-only';
import type { GithubTransport } from '@/lib/transport/transport';
import { serverTransport as transport } from '@/lib/github/server-transport.server';
import { allowedOperation } from './allowlist.server';

export { withinFirstPaintBudget } from '@/lib/github/server-transport.server';

/** The server's transport for a session's first paints, by the allowlist's rules (which reads are polled, how answers are read). */
export function serverTransport(session: Parameters<typeof transport>[0]): GithubTransport {
  return transport(session, allowedOperation);
}
