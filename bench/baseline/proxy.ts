/**
 * Matches no request: it is here only because Turbopack (Next.js 16.4), finding no proxy in this
 * project, takes the repository's own proxy.ts, two folders up, and fails to build it. A proxy
 * whose matcher never matches is skipped before any code runs, as Hangar's is on /api/github.
 */
import { NextResponse } from 'next/server';

export function proxy() {
  return NextResponse.next();
}

export const config = { matcher: '/_baseline-matches-nothing' };
