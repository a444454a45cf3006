import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { refuseAuthBody } from '@/lib/auth/auth-request';
import { authOptions } from '@/lib/auth/options.server';
import { requestOrigin } from '@/lib/auth/origin';
import { checkSignInQuery } from '@/lib/auth/sign-in-params';
import { serverConfig } from '@/lib/config';

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(req: NextRequest, context: Context) {
  const params = await context.params;
  // A body next-auth would choke on (JSON that is not, a body larger than any of its forms): 4xx, not its 500.
  const refused = await refuseAuthBody(req);
  if (refused) return refused;
  // Starting a sign-in: only Hangar's own scopes and callback URL may reach GitHub's authorize URL.
  if (req.method === 'POST' && params.nextauth[0] === 'signin') {
    const check = checkSignInQuery(req.nextUrl.searchParams);
    if (!check.ok) return Response.json({ message: check.message, status: 400 }, { status: 400 });
  }
  const config = serverConfig();
  // In demo mode without AUTH_URL, next-auth takes its URL from the request (config.ts), and the
  // emulator's authorize page must be on that address too.
  const origin = config.originFollowsRequest ? (requestOrigin(req.headers, req.url) ?? undefined) : undefined;
  // next-auth v4 still reads params synchronously; Next 16 hands them over as a promise.
  return NextAuth(req as never, { params } as never, authOptions(config, { origin }));
}

export { handler as GET, handler as POST };
