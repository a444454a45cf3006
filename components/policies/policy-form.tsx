'use client';

import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Form, Options, SelectField, TextField, type Choice } from '@/components/ui/field';
import type { PolicyDraft } from '@/lib/policies/domain/form';
import { POLICY_KIND_LABELS, POLICY_KINDS, WEEKDAY_LABELS, WEEKDAYS, type Weekday } from '@/lib/policies/domain/schemas';

export type PolicyFormErrors = Partial<Record<keyof PolicyDraft | 'form', string>>;

export interface PolicyFormProps {
  draft: PolicyDraft;
  errors: PolicyFormErrors;
  /** Editing a saved policy (its name) or making a new one (null). */
  editing: string | null;
  saving: boolean;
  previewing: boolean;
  /** The preview, under the form, once asked for. */
  preview: ReactNode;
  onChange: (draft: PolicyDraft) => void;
  onPreview: () => void;
  onSave: () => void;
  onCancel: () => void;
}

type TextKey = 'name' | 'limit' | 'time' | 'timeZone' | 'days' | 'amountUsd' | 'exemptMembers' | 'exemptCodespaces';

/** The form's text fields, each editing the draft's value of the same name. */
const TEXT_FIELDS: Record<TextKey, { id: string; label: string; hint?: string; inputMode?: 'numeric' | 'decimal' }> = {
  name: { id: 'policy-name', label: 'Name' },
  limit: { id: 'policy-limit', label: 'Stop after this long unused', inputMode: 'numeric' },
  time: { id: 'policy-time', label: 'Time of day (24-hour, HH:MM)' },
  timeZone: { id: 'policy-time-zone', label: 'Time zone', hint: 'An IANA name, e.g. Europe/Berlin' },
  days: {
    id: 'policy-days',
    label: 'Delete after this many days stopped and unused',
    hint: 'Never a codespace with unpushed or uncommitted work: those are listed as kept.',
    inputMode: 'numeric',
  },
  amountUsd: {
    id: 'policy-amount',
    label: 'Budget per member this month (USD)',
    hint: 'Their running codespaces stop once their estimated cost passes it.',
    inputMode: 'decimal',
  },
  exemptMembers: { id: 'policy-exempt-members', label: 'Members it never touches', hint: 'GitHub logins, separated by commas' },
  exemptCodespaces: {
    id: 'policy-exempt-codespaces',
    label: 'Codespaces it never touches',
    hint: 'Codespace names (not display names), separated by commas',
  },
};

const UNITS: Choice[] = [
  ['minutes', 'minutes'],
  ['hours', 'hours'],
];

type SetDraft = <K extends keyof PolicyDraft>(key: K, value: PolicyDraft[K]) => void;
type FieldOf = (key: TextKey) => ReactNode;

/** New policy and edit: kind, name, the kind's settings, exemptions. Every problem is said beside its field. */
export function PolicyForm({
  draft,
  errors,
  editing,
  saving,
  previewing,
  preview,
  onChange,
  onPreview,
  onSave,
  onCancel,
}: PolicyFormProps) {
  const set: SetDraft = (key, value) => onChange({ ...draft, [key]: value });
  const field: FieldOf = (key) => (
    <TextField {...TEXT_FIELDS[key]} value={draft[key]} error={errors[key]} onChange={(event) => set(key, event.target.value)} />
  );
  return (
    <section aria-labelledby="policy-form-title" className="rounded-xl border border-zinc-200 p-4 sm:p-5 dark:border-zinc-800">
      <h2 id="policy-form-title" className="text-base font-semibold">
        {editing ? `Edit “${editing}”` : 'New policy'}
      </h2>
      <Form noValidate className="mt-4 flex flex-col gap-4" busy={saving} onSubmit={onSave}>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            id="policy-kind"
            label="Kind"
            value={draft.kind}
            error={errors.kind}
            onChange={(event) => set('kind', event.target.value as PolicyDraft['kind'])}
          >
            <Options choices={POLICY_KINDS.map((kind) => [kind, POLICY_KIND_LABELS[kind]])} />
          </SelectField>
          {field('name')}
        </div>

        <KindSettings draft={draft} errors={errors} set={set} field={field} />

        <div className="grid gap-4 sm:grid-cols-2">
          {field('exemptMembers')}
          {field('exemptCodespaces')}
        </div>

        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => set('enabled', e.target.checked)} className="size-4" />
          Enabled: runs on its own every interval
        </label>

        {errors.form && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {errors.form}
          </p>
        )}

        <div className="flex flex-wrap justify-end gap-2">
          <Button onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
          <Button onClick={onPreview} disabled={previewing}>
            {previewing ? 'Previewing…' : 'Preview'}
          </Button>
          <Button type="submit" variant="primary" disabled={saving}>
            {saving ? 'Saving…' : editing ? 'Save' : 'Create policy'}
          </Button>
        </div>
      </Form>
      {preview}
    </section>
  );
}

function KindSettings({ draft, errors, set, field }: { draft: PolicyDraft; errors: PolicyFormErrors; set: SetDraft; field: FieldOf }) {
  switch (draft.kind) {
    case 'idle-limit':
      return (
        <div className="grid gap-4 sm:grid-cols-2">
          {field('limit')}
          <SelectField
            id="policy-unit"
            label="Unit"
            value={draft.unit}
            onChange={(e) => set('unit', e.target.value as PolicyDraft['unit'])}
          >
            <Options choices={UNITS} />
          </SelectField>
        </div>
      );
    case 'quiet-hours': {
      const toggleDay = (day: Weekday) =>
        set('weekdays', draft.weekdays.includes(day) ? draft.weekdays.filter((d) => d !== day) : [...draft.weekdays, day]);
      return (
        <div className="flex flex-col gap-4">
          <div className="grid gap-4 sm:grid-cols-2">
            {field('time')}
            {field('timeZone')}
          </div>
          <fieldset aria-describedby={errors.weekdays ? 'policy-weekdays-error' : undefined}>
            <legend className="text-sm font-medium">Weekdays</legend>
            <div className="mt-1.5 flex flex-wrap gap-x-4 gap-y-2 text-sm">
              {WEEKDAYS.map((day) => (
                <label key={day} className="flex items-center gap-1.5">
                  <input type="checkbox" className="size-4" checked={draft.weekdays.includes(day)} onChange={() => toggleDay(day)} />
                  {WEEKDAY_LABELS[day]}
                </label>
              ))}
            </div>
            {errors.weekdays && (
              <p id="policy-weekdays-error" className="mt-1 text-xs text-red-700 dark:text-red-400">
                {errors.weekdays}
              </p>
            )}
          </fieldset>
        </div>
      );
    }
    case 'stale-cleanup':
      return field('days');
    case 'monthly-budget':
      return field('amountUsd');
  }
}
