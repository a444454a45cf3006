import { demoEmulator } from '@/lib/demo';

export const dynamic = 'force-dynamic';

async function handler(req: Request) {
  const emulator = demoEmulator();
  if (!emulator) return Response.json({ message: 'Not Found', status: 404 }, { status: 404 });
  return emulator.handle(req);
}

export { handler as GET, handler as POST, handler as PATCH, handler as PUT, handler as DELETE };
