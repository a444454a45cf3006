/**
 * The least a proxy to GitHub can do in Next.js: forward one request with fetch, with the token in
 * an Authorization header, and pass the answer's body, status and content type back.
 */
export const dynamic = 'force-dynamic';

const upstream = process.env.BASELINE_UPSTREAM_URL ?? 'http://127.0.0.1:4310/api';

export async function GET() {
  const answer = await fetch(`${upstream}/user/codespaces?per_page=100`, {
    headers: { authorization: `token ${process.env.BASELINE_TOKEN ?? ''}`, accept: 'application/vnd.github+json' },
    cache: 'no-store',
  });
  return new Response(await answer.arrayBuffer(), {
    status: answer.status,
    headers: { 'content-type': answer.headers.get('content-type') ?? 'application/json' },
  });
}
