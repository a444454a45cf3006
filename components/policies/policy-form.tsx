'use client';

import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass, TextField } from '@/components/ui/field';
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
  const set = <K extends keyof PolicyDraft>(key: K, value: PolicyDraft[K]) => onChange({ ...draft, [key]: value });
  const toggleDay = (day: Weekday) =>
    set('weekdays', draft.weekdays.includes(day) ? draft.weekdays.filter((d) => d !== day) : [...draft.weekdays, day]);
  return (
    <section aria-labelledby="policy-form-title" className="rounded-xl border border-zinc-200 p-4 sm:p-5 dark:border-zinc-800">
      <h2 id="policy-form-title" className="text-base font-semibold">
        {editing ? `Edit “${editing}”` : 'New policy'}
      </h2>
      <form
        noValidate
        className="mt-4 flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (!saving) onSave();
        }}
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="flex flex-col gap-1.5 text-sm">
            <label htmlFor="policy-kind" className="font-medium">
              Kind
            </label>
            <select
              id="policy-kind"
              className={inputClass}
              value={draft.kind}
              aria-invalid={Boolean(errors.kind)}
              onChange={(event) => set('kind', event.target.value as PolicyDraft['kind'])}
            >
              {POLICY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {POLICY_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
            {errors.kind && <p className="text-xs text-red-700 dark:text-red-400">{errors.kind}</p>}
          </div>
          <TextField id="policy-name" label="Name" value={draft.name} error={errors.name} onChange={(e) => set('name', e.target.value)} />
        </div>

        <KindSettings draft={draft} errors={errors} set={set} toggleDay={toggleDay} />

        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            id="policy-exempt-members"
            label="Members it never touches"
            hint="GitHub logins, separated by commas"
            value={draft.exemptMembers}
            error={errors.exemptMembers}
            onChange={(e) => set('exemptMembers', e.target.value)}
          />
          <TextField
            id="policy-exempt-codespaces"
            label="Codespaces it never touches"
            hint="Codespace names (not display names), separated by commas"
            value={draft.exemptCodespaces}
            error={errors.exemptCodespaces}
            onChange={(e) => set('exemptCodespaces', e.target.value)}
          />
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
      </form>
      {preview}
    </section>
  );
}

function KindSettings({
  draft,
  errors,
  set,
  toggleDay,
}: {
  draft: PolicyDraft;
  errors: PolicyFormErrors;
  set: <K extends keyof PolicyDraft>(key: K, value: PolicyDraft[K]) => void;
  toggleDay: (day: Weekday) => void;
}) {
  switch (draft.kind) {
    case 'idle-limit':
      return (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            id="policy-limit"
            label="Stop after this long unused"
            inputMode="numeric"
            value={draft.limit}
            error={errors.limit}
            onChange={(e) => set('limit', e.target.value)}
          />
          <div className="flex flex-col gap-1.5 text-sm">
            <label htmlFor="policy-unit" className="font-medium">
              Unit
            </label>
            <select
              id="policy-unit"
              className={inputClass}
              value={draft.unit}
              onChange={(e) => set('unit', e.target.value as PolicyDraft['unit'])}
            >
              <option value="minutes">minutes</option>
              <option value="hours">hours</option>
            </select>
          </div>
        </div>
      );
    case 'quiet-hours':
      return (
        <div className="flex flex-col gap-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              id="policy-time"
              label="Time of day (24-hour, HH:MM)"
              value={draft.time}
              error={errors.time}
              onChange={(e) => set('time', e.target.value)}
            />
            <TextField
              id="policy-time-zone"
              label="Time zone"
              hint="An IANA name, e.g. Europe/Berlin"
              value={draft.timeZone}
              error={errors.timeZone}
              onChange={(e) => set('timeZone', e.target.value)}
            />
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
    case 'stale-cleanup':
      return (
        <TextField
          id="policy-days"
          label="Delete after this many days stopped and unused"
          hint="Never a codespace with unpushed or uncommitted work: those are listed as kept."
          inputMode="numeric"
          value={draft.days}
          error={errors.days}
          onChange={(e) => set('days', e.target.value)}
        />
      );
    case 'monthly-budget':
      return (
        <TextField
          id="policy-amount"
          label="Budget per member this month (USD)"
          hint="Their running codespaces stop once their estimated cost passes it."
          inputMode="decimal"
          value={draft.amountUsd}
          error={errors.amountUsd}
          onChange={(e) => set('amountUsd', e.target.value)}
        />
      );
  }
}
