import type { PolicyPreviewJson } from '@/lib/policies/domain/page-data';
import type { CodespaceRef } from '@/lib/policies/domain/decide';
import { pluralize } from '@/lib/format';

const verb = { stop: 'stop', delete: 'delete' } as const;

/**
 * What a policy would do now, by display name and member, acting on nothing: the codespaces it
 * would act on, and apart from them those it keeps (and why) and those its exemptions protect.
 */
export function PolicyPreview({ preview, title = 'Preview' }: { preview: PolicyPreviewJson; title?: string }) {
  if (!preview.ok)
    return (
      <section
        aria-label={title}
        className="mt-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
      >
        {preview.message}
      </section>
    );
  const { actions, kept, exempt, notes } = preview.decision;
  const action = actions[0]?.action ?? kept[0]?.action ?? exempt[0]?.action;
  return (
    <section
      aria-label={title}
      className="mt-4 flex flex-col gap-3 rounded-lg border border-zinc-200 bg-zinc-50 px-4 py-3 text-sm dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <h3 className="font-semibold">
        {actions.length === 0 ? 'Now it would do nothing' : `Now it would ${verb[action!]} ${pluralize(actions.length, 'codespace')}`}
        {preview.nextOccurrence && (
          <span className="font-normal text-zinc-600 dark:text-zinc-400"> · next at {preview.nextOccurrence.words}</span>
        )}
      </h3>
      {actions.length > 0 && <CodespaceList label="Acts on" items={actions.map((a) => ({ ...a, why: a.reason }))} />}
      {kept.length > 0 && <CodespaceList label={`Kept (${kept.length})`} items={kept.map((k) => ({ ...k, why: k.reason }))} />}
      {exempt.length > 0 && (
        <CodespaceList label={`Exempt (${exempt.length})`} items={exempt.map((e) => ({ ...e, why: e.exemptBecause }))} />
      )}
      {notes.map((note) => (
        <p key={note} className="text-zinc-700 dark:text-zinc-300">
          {note}
        </p>
      ))}
    </section>
  );
}

function CodespaceList({ label, items }: { label: string; items: (CodespaceRef & { why: string })[] }) {
  return (
    <div>
      <h4 className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{label}</h4>
      <ul aria-label={label} className="mt-1 flex flex-col gap-1">
        {items.map((item) => (
          <li key={item.codespace} className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-medium">{item.displayName}</span>
            <span className="text-zinc-600 dark:text-zinc-400">{item.member}</span>
            <span className="text-xs text-zinc-500 dark:text-zinc-400">{item.why}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
