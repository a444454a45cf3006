'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { readState } from '@/components/ui/loaded';
import { SessionEnded } from '@/components/layout/session-ended';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import { pluralize } from '@/lib/format';
import { InvalidFields } from '@/lib/transport/own-routes';
import { draftDefinition, draftExemptions, draftOf, draftRule, emptyDraft, formErrors, type PolicyDraft } from '@/lib/policies/domain/form';
import type { PolicyListItem, PolicyPreviewJson } from '@/lib/policies/domain/page-data';
import {
  deletePolicy,
  policiesOfQuery,
  policyRunsQuery,
  previewPolicy,
  runPolicyNow,
  savePolicy,
  saveWebhookUrl,
  setPolicyEnabled,
} from '@/lib/policies/queries';
import { ApiError } from '@/lib/transport/api-error';
import { failureTitle } from '@/lib/transport/errors';
import { PoliciesView } from './policies-view';
import { PolicyForm, type PolicyFormErrors } from './policy-form';
import { PolicyPreview } from './policy-preview';
import { PolicyRuns } from './policy-runs';

type Detail = { id: string; show: 'preview' | 'runs' } | null;

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The policies page: reads the organisation's policies, holds the form, previews, runs and confirmations. */
export function PoliciesPage({ org }: { org: string }) {
  const queryClient = useQueryClient();
  const now = useMinuteClock();
  const query = useQuery(policiesOfQuery(org));

  const [form, setForm] = useState<{ id: string | null; name: string | null; draft: PolicyDraft } | null>(null);
  const [formErrorsShown, setFormErrors] = useState<PolicyFormErrors>({});
  const [formPreview, setFormPreview] = useState<PolicyPreviewJson | null>(null);
  const [detail, setDetail] = useState<Detail>(null);
  const [previews, setPreviews] = useState<Record<string, PolicyPreviewJson>>({});
  const [running, setRunning] = useState<PolicyListItem | null>(null);
  const [runPlan, setRunPlan] = useState<PolicyPreviewJson | null>(null);
  const [deleting, setDeleting] = useState<PolicyListItem | null>(null);
  const [webhookDraft, setWebhookDraft] = useState<string | null>(null);
  const [webhookError, setWebhookError] = useState<string | undefined>();

  const save = useMutation(savePolicy(queryClient, org));
  const toggle = useMutation(setPolicyEnabled(queryClient, org));
  const remove = useMutation(deletePolicy(queryClient, org));
  const run = useMutation(runPolicyNow(queryClient, org));
  const preview = useMutation(previewPolicy(org));
  const webhook = useMutation(saveWebhookUrl(queryClient, org));
  const runs = useQuery({ ...policyRunsQuery(org, detail?.id ?? ''), enabled: detail?.show === 'runs' });

  if (query.error instanceof ApiError && query.error.status === 401) return <SessionEnded />;

  const fieldErrorsOf = (error: unknown): PolicyFormErrors | null => (error instanceof InvalidFields ? formErrors(error.fields) : null);

  const previewForm = () => {
    if (!form) return;
    setFormPreview(null);
    preview.mutate(
      { rule: draftRule(form.draft), exempt: draftExemptions(form.draft) },
      {
        onSuccess: (answer) => {
          setFormErrors({});
          setFormPreview(answer);
        },
        onError: (error) => setFormErrors(fieldErrorsOf(error) ?? { form: failureTitle(error) }),
      },
    );
  };

  const saveForm = () => {
    if (!form) return;
    save.mutate(
      { id: form.id, definition: draftDefinition(form.draft) },
      {
        onSuccess: () => {
          setForm(null);
          setFormErrors({});
          setFormPreview(null);
        },
        onError: (error) => setFormErrors(fieldErrorsOf(error) ?? { form: failureTitle(error) }),
      },
    );
  };

  const previewSaved = (policy: PolicyListItem) => {
    if (detail?.id === policy.id && detail.show === 'preview') return setDetail(null);
    setDetail({ id: policy.id, show: 'preview' });
    preview.mutate(
      { rule: policy.rule, exempt: policy.exempt },
      {
        onSuccess: (answer) => setPreviews((all) => ({ ...all, [policy.id]: answer })),
        onError: (error) => setPreviews((all) => ({ ...all, [policy.id]: { ok: false, message: failureTitle(error) } })),
      },
    );
  };

  const startRun = (policy: PolicyListItem) => {
    setRunning(policy);
    setRunPlan(null);
    run.reset();
    preview.mutate(
      { rule: policy.rule, exempt: policy.exempt },
      { onSuccess: setRunPlan, onError: (error) => setRunPlan({ ok: false, message: failureTitle(error) }) },
    );
  };

  const busy = new Set<string>([
    ...(toggle.isPending && toggle.variables ? [toggle.variables.id] : []),
    ...(run.isPending && run.variables ? [run.variables.id] : []),
    ...(remove.isPending && remove.variables ? [remove.variables.id] : []),
  ]);

  return (
    <>
      <PoliciesView
        org={org}
        data={query.data}
        {...readState(query)}
        now={now}
        busy={busy}
        form={
          form && (
            <PolicyForm
              draft={form.draft}
              errors={formErrorsShown}
              editing={form.name}
              saving={save.isPending}
              previewing={preview.isPending}
              preview={formPreview && <PolicyPreview preview={formPreview} />}
              onChange={(draft) => setForm({ ...form, draft })}
              onPreview={previewForm}
              onSave={saveForm}
              onCancel={() => {
                setForm(null);
                setFormErrors({});
                setFormPreview(null);
              }}
            />
          )
        }
        openDetail={detail}
        detailOf={(id) => {
          if (detail?.id !== id) return null;
          if (detail.show === 'preview') {
            const shown = previews[id];
            return shown ? (
              <PolicyPreview preview={shown} />
            ) : (
              <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
                Previewing…
              </p>
            );
          }
          return (
            <div className="mt-3">
              {runs.isPending ? (
                <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading runs…</p>
              ) : runs.error ? (
                <p className="text-sm text-red-700 dark:text-red-400">{failureTitle(runs.error)}</p>
              ) : (
                <PolicyRuns runs={runs.data ?? []} now={now} />
              )}
            </div>
          );
        }}
        webhook={{ draft: webhookDraft ?? query.data?.webhookUrl ?? '', error: webhookError, saving: webhook.isPending }}
        onNewPolicy={() => {
          setForm({ id: null, name: null, draft: emptyDraft(browserTimeZone()) });
          setFormErrors({});
          setFormPreview(null);
        }}
        onEdit={(policy) => {
          setForm({ id: policy.id, name: policy.name, draft: draftOf(policy) });
          setFormErrors({});
          setFormPreview(null);
        }}
        onDelete={(policy) => {
          remove.reset();
          setDeleting(policy);
        }}
        onToggle={(policy) => toggle.mutate({ id: policy.id, name: policy.name, enabled: !policy.enabled })}
        onPreview={previewSaved}
        onRunNow={startRun}
        onShowRuns={(policy) => setDetail(detail?.id === policy.id && detail.show === 'runs' ? null : { id: policy.id, show: 'runs' })}
        onWebhookChange={(draft) => {
          setWebhookDraft(draft);
          setWebhookError(undefined);
        }}
        onWebhookSave={() =>
          webhook.mutate(webhookDraft ?? query.data?.webhookUrl ?? '', {
            onSuccess: () => {
              setWebhookDraft(null);
              setWebhookError(undefined);
            },
            onError: (error) =>
              setWebhookError(error instanceof InvalidFields ? (error.fields.webhookUrl ?? failureTitle(error)) : failureTitle(error)),
          })
        }
      />
      {running && (
        <ConfirmDialog
          title={`Run “${running.name}” now?`}
          description={<RunPlan plan={runPlan} />}
          confirmLabel="Run now"
          pendingLabel="Running…"
          danger={running.rule.kind === 'stale-cleanup'}
          pending={run.isPending}
          error={run.error}
          onConfirm={() =>
            run.mutate(
              { id: running.id, name: running.name },
              {
                onSuccess: () => {
                  setRunning(null);
                  setDetail({ id: running.id, show: 'runs' });
                },
              },
            )
          }
          onClose={() => setRunning(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete “${deleting.name}”?`}
          description="The policy and its runs go; what it did stays in the audit log."
          confirmLabel="Delete"
          pendingLabel="Deleting…"
          danger
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate({ id: deleting.id, name: deleting.name }, { onSuccess: () => setDeleting(null) })}
          onClose={() => setDeleting(null)}
        />
      )}
    </>
  );
}

/** What Run now will do, named, as the preview has it now (the run decides again, and re-checks each codespace first). */
function RunPlan({ plan }: { plan: PolicyPreviewJson | null }) {
  if (!plan) return <p aria-live="polite">Working out what it would do…</p>;
  if (!plan.ok) return <p>{plan.message}</p>;
  const { actions, kept } = plan.decision;
  if (actions.length === 0) return <p>It would change nothing now: no codespace meets its condition.</p>;
  const verb = actions[0]!.action === 'stop' ? 'stop' : 'delete';
  return (
    <div className="flex flex-col gap-2">
      <p>
        It will {verb} {pluralize(actions.length, 'codespace')} now, with Hangar’s GitHub App:
      </p>
      <ul aria-label="It will act on" className="max-h-48 list-disc overflow-y-auto pl-5">
        {actions.map((action) => (
          <li key={action.codespace}>
            {action.displayName} ({action.member})
          </li>
        ))}
      </ul>
      {kept.length > 0 && <p>It keeps {pluralize(kept.length, 'codespace')} with work at risk or GitHub’s refusal.</p>}
    </div>
  );
}
