import { Counter } from './counter';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <main>
      <h1>Baseline</h1>
      <p>A bare Next.js app: one server-rendered page, one client component.</p>
      <Counter />
    </main>
  );
}
