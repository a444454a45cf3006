import type { ReactNode } from 'react';
import { Info, Play, ShieldCheck } from 'lucide-react';
import { Page, PageHeader } from '@/components/layout/page';
import { OrgError } from '@/components/ui/states';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Form, TextField } from '@/components/ui/field';
import { exactTime, relativeTime } from '@/lib/format';
import { describeExemptions } from '@/lib/policies/domain/describe';
import type { AppStatus, PoliciesPageData, PolicyListItem } from '@/lib/policies/domain/page-data';
import { POLICY_KIND_LABELS } from '@/lib/policies/domain/schemas';
import { OrgLinks } from '@/components/orgs/org-links';
import { RunStatus } from './policy-runs';

export interface PoliciesViewProps {
  org: string;
  data: PoliciesPageData | undefined;
  loading: boolean;
  error: Error | null;
  now: number;
  /** The New policy / edit form, when open. */
  form: ReactNode;
  /** Under a policy: its preview or its runs, when asked for. */
  detailOf: (id: string) => ReactNode;
  /** Which policy's preview or runs are open, if any. */
  openDetail: { id: string; show: 'preview' | 'runs' } | null;
  webhook: { draft: string; error: string | undefined; saving: boolean };
  busy: ReadonlySet<string>;
  onNewPolicy: () => void;
  onEdit: (policy: PolicyListItem) => void;
  onDelete: (policy: PolicyListItem) => void;
  onToggle: (policy: PolicyListItem) => void;
  onPreview: (policy: PolicyListItem) => void;
  onRunNow: (policy: PolicyListItem) => void;
  onShowRuns: (policy: PolicyListItem) => void;
  onWebhookChange: (draft: string) => void;
  onWebhookSave: () => void;
  onRetry: () => void;
}

/** A run's summary without its heading ("Hangar policy “…” on org (Run now): "), which the row already says. */
const briefSummary = (summary: string) => {
  const first = summary.split('\n')[0]!;
  const said = first.indexOf('): ');
  return said >= 0 ? first.slice(said + 3) : first;
};

const INSTALL_DOCS = 'https://docs.github.com/en/apps/using-github-apps/installing-your-own-github-app';

/** An organisation's policies, for its owners: what each does, whether it is on, how it last ran; and the organisation's webhook. */
export function PoliciesView(props: PoliciesViewProps) {
  const { org, data, loading, error } = props;
  const canAct = data?.app.state === 'installed';
  return (
    <Page gap="roomy">
      <PageHeader
        eyebrow="Organization"
        title={`${org} policies`}
        description="Rules Hangar applies to the organisation’s codespaces on its own."
        actions={<OrgLinks org={org} current="/policies" />}
      />

      {error && !data ? (
        <OrgError org={org} error={error} onRetry={props.onRetry} doing="manage its policies" ask="set up the policies you need" />
      ) : loading || !data ? (
        <div aria-busy="true" aria-label="Loading policies" className="flex flex-col gap-3">
          {[0, 1, 2].map((i) => (
            <div key={i} className="h-20 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-800/60" />
          ))}
        </div>
      ) : (
        <>
          {error && (
            <ErrorAlert error={error} tone="warning" onRetry={props.onRetry}>
              Showing what was last loaded.
            </ErrorAlert>
          )}
          {data.app.state !== 'installed' && <AppMissing org={org} app={data.app} />}
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-base font-semibold">Policies</h2>
            <Button variant="primary" onClick={props.onNewPolicy}>
              New policy
            </Button>
          </div>
          {props.form}
          {data.policies.length === 0 ? (
            <EmptyState icon={<ShieldCheck className="size-10" />} title="No policies yet">
              A policy stops idle codespaces, stops everything at quiet hours, deletes stale ones, or holds members to a monthly budget.
              Start with New policy; Preview shows what it would do before it does anything.
            </EmptyState>
          ) : (
            <ul aria-label="Policies" className="flex flex-col gap-3">
              {data.policies.map((policy) => (
                <PolicyRow key={policy.id} {...props} policy={policy} canAct={canAct} busyNow={props.busy.has(policy.id)} />
              ))}
            </ul>
          )}
          <WebhookSection {...props} />
        </>
      )}
    </Page>
  );
}

function AppMissing({ org, app }: { org: string; app: Exclude<AppStatus, { state: 'installed' }> }) {
  return (
    <section
      role="status"
      className="flex gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div>
        <p className="font-semibold">{app.message}</p>
        <p className="mt-1">
          {app.state === 'not-configured'
            ? 'Whoever runs this Hangar sets GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY (README: “Policies and audit”, “The GitHub App: set-up”). '
            : `An owner of ${org} installs Hangar’s GitHub App on it, with Organization codespaces (read and write), Codespaces lifecycle admin (write) and, for budgets, Administration (read) (README: “Policies and audit”, “The GitHub App: set-up”). `}
          <a href={INSTALL_DOCS} className="underline" target="_blank" rel="noreferrer">
            How to install a GitHub App
          </a>
          . Until then policies can be written and saved, but Preview and Run now are off.
        </p>
      </div>
    </section>
  );
}

function PolicyRow({
  policy,
  canAct,
  busyNow: busy,
  now,
  detailOf,
  openDetail,
  onEdit,
  onDelete,
  onToggle,
  onPreview,
  onRunNow,
  onShowRuns,
}: PoliciesViewProps & { policy: PolicyListItem; canAct: boolean; busyNow: boolean }) {
  const exemptions = describeExemptions(policy.exempt);
  const headingId = `policy-${policy.id}`;
  return (
    <li aria-labelledby={headingId} className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex flex-col gap-3">
        <div className="min-w-0">
          <h3 id={headingId} className="font-semibold break-words">
            {policy.name}
          </h3>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            <span className="font-medium text-zinc-800 dark:text-zinc-200">{POLICY_KIND_LABELS[policy.rule.kind]}</span> ·{' '}
            <span className={policy.enabled ? 'text-emerald-700 dark:text-emerald-400' : ''}>
              {policy.enabled ? 'Enabled' : 'Disabled'}
            </span>
          </p>
          <p className="mt-1 text-sm">{policy.description}</p>
          {exemptions && <p className="text-sm text-zinc-600 dark:text-zinc-400">{exemptions}</p>}
          <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
            Last run:{' '}
            {policy.lastRun ? (
              <>
                <time dateTime={policy.lastRun.startedAt} title={exactTime(policy.lastRun.startedAt)}>
                  {relativeTime(policy.lastRun.startedAt, now)}
                </time>{' '}
                · <RunStatus run={policy.lastRun} /> · {briefSummary(policy.lastRun.summary)}
              </>
            ) : (
              'never'
            )}
          </p>
        </div>
        <div className="flex flex-wrap gap-2" role="group" aria-label={`${policy.name} actions`}>
          <Button
            size="sm"
            onClick={() => onPreview(policy)}
            disabled={!canAct}
            aria-expanded={openDetail?.id === policy.id && openDetail.show === 'preview'}
            title={canAct ? undefined : 'Needs Hangar’s GitHub App'}
          >
            Preview
          </Button>
          <Button
            size="sm"
            onClick={() => onRunNow(policy)}
            disabled={!canAct || busy}
            title={canAct ? undefined : 'Needs Hangar’s GitHub App'}
          >
            <Play aria-hidden className="size-3.5" /> Run now
          </Button>
          <Button size="sm" onClick={() => onToggle(policy)} disabled={busy}>
            {policy.enabled ? 'Disable' : 'Enable'}
          </Button>
          <Button size="sm" onClick={() => onShowRuns(policy)} aria-expanded={openDetail?.id === policy.id && openDetail.show === 'runs'}>
            Runs
          </Button>
          <Button size="sm" onClick={() => onEdit(policy)}>
            Edit
          </Button>
          <Button size="sm" variant="ghost" onClick={() => onDelete(policy)} disabled={busy}>
            Delete
          </Button>
        </div>
      </div>
      {detailOf(policy.id)}
    </li>
  );
}

function WebhookSection({ webhook, data, onWebhookChange, onWebhookSave }: PoliciesViewProps) {
  return (
    <section aria-labelledby="webhook-title" className="flex flex-col gap-3 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <div>
        <h2 id="webhook-title" className="text-base font-semibold">
          Webhook
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          A run that acted posts its summary here (JSON with a <code>text</code> field, as Slack and Microsoft Teams incoming webhooks
          take).
        </p>
      </div>
      <Form noValidate className="flex flex-wrap items-start gap-2" busy={webhook.saving} onSubmit={onWebhookSave}>
        <div className="min-w-0 flex-1 basis-72">
          <TextField
            id="webhook-url"
            label="Webhook URL"
            type="url"
            placeholder="https://hooks.slack.com/services/…"
            value={webhook.draft}
            error={webhook.error}
            hint={data?.webhookUrl ? `Saved: ${data.webhookUrl}` : 'None saved. Leave empty for none.'}
            onChange={(event) => onWebhookChange(event.target.value)}
          />
        </div>
        <Button type="submit" className="sm:mt-6" disabled={webhook.saving}>
          {webhook.saving ? 'Saving…' : 'Save webhook'}
        </Button>
      </Form>
    </section>
  );
}
