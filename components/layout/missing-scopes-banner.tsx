import { frameClass } from './page';

/** Local mode: the token lacks a scope Hangar needs. Says which, why, and the command that adds it. */
export function MissingScopesBanner({ advice }: { advice: { message: string; command: string; then: string } }) {
  return (
    <section
      aria-label="GitHub token scopes"
      className="border-b border-amber-300 bg-amber-50 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <div className={`${frameClass} space-y-1`}>
        <p className="font-semibold">{advice.message}</p>
        <p>
          Run <code className="rounded bg-amber-100 px-1 font-mono break-all dark:bg-amber-900">{advice.command}</code>. {advice.then}
        </p>
      </div>
    </section>
  );
}
