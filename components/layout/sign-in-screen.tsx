import { ArrowUpFromLine, Gauge, Power } from 'lucide-react';
import { SignInButton } from './sign-in-button';
import { DemoBadge } from './auth-mode';
import { HangarMark } from './hangar-mark';

const POINTS = [
  { icon: Power, text: 'Start and stop any codespace in one click, and see which ones are running and billing.' },
  { icon: ArrowUpFromLine, text: 'Spot unpushed and uncommitted work before anything is deleted.' },
  { icon: Gauge, text: 'Machine, branch and last use of every codespace you own, on one page.' },
];

/** `error`: why the last sign-in did not complete, in Hangar's own words (lib/auth/sign-in-errors.ts). */
export function SignInScreen({ demo, error }: { demo: boolean; error?: string }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md rounded-2xl border border-zinc-200 bg-white p-8 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <div className="flex items-center gap-3">
          <HangarMark className="size-10" />
          <div className="flex-1">
            <h1 className="text-2xl font-semibold tracking-tight">Hangar</h1>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">A dashboard for your GitHub Codespaces</p>
          </div>
          <DemoBadge />
        </div>
        <ul className="mt-6 space-y-3 text-sm text-zinc-700 dark:text-zinc-300">
          {POINTS.map(({ icon: Icon, text }) => (
            <li key={text} className="flex gap-3">
              <Icon aria-hidden className="mt-0.5 size-4 shrink-0 text-sky-700 dark:text-sky-400" />
              {text}
            </li>
          ))}
        </ul>
        {error && (
          <p role="alert" className="mt-6 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {error}
          </p>
        )}
        <div className="mt-8 flex flex-col items-stretch gap-3">
          <SignInButton />
          <p className="text-center text-xs text-zinc-500 dark:text-zinc-400">
            {demo
              ? 'Demo mode: you sign in to Hangar’s built-in GitHub emulator, with demo data.'
              : 'Hangar asks for the codespace scope. Your token stays on the server.'}
          </p>
        </div>
      </div>
    </main>
  );
}
