import { splitList, type PolicyDefinitionInput, type PolicyKind, type PolicyRule, type Weekday, type Exemptions } from './schemas';

/**
 * The policy form's fields as typed (text, before any check), and the definition they make: what
 * the server parses with the rules' schema, which answers each field's problem by its path. Pure.
 */
export interface PolicyDraft {
  kind: PolicyKind;
  name: string;
  enabled: boolean;
  limit: string;
  unit: 'minutes' | 'hours';
  time: string;
  weekdays: Weekday[];
  timeZone: string;
  days: string;
  amountUsd: string;
  /** Logins and codespace names, separated by commas, spaces or lines. */
  exemptMembers: string;
  exemptCodespaces: string;
}

export function emptyDraft(timeZone = 'UTC'): PolicyDraft {
  return {
    kind: 'idle-limit',
    name: '',
    enabled: false,
    limit: '2',
    unit: 'hours',
    time: '19:00',
    weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
    timeZone,
    days: '30',
    amountUsd: '50',
    exemptMembers: '',
    exemptCodespaces: '',
  };
}

/** A number field's text: a number, or undefined when empty (the schema says "Required"); anything else stays text ("Enter a number"). */
function numberOf(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

/** The rule the fields describe, for its kind. */
export function draftRule(draft: PolicyDraft): Record<string, unknown> {
  switch (draft.kind) {
    case 'idle-limit':
      return { kind: draft.kind, limit: numberOf(draft.limit), unit: draft.unit };
    case 'quiet-hours':
      return { kind: draft.kind, time: draft.time, weekdays: draft.weekdays, timeZone: draft.timeZone };
    case 'stale-cleanup':
      return { kind: draft.kind, days: numberOf(draft.days) };
    case 'monthly-budget':
      return { kind: draft.kind, amountUsd: numberOf(draft.amountUsd) };
  }
}

export function draftExemptions(draft: PolicyDraft): Exemptions {
  return { members: splitList(draft.exemptMembers), codespaces: splitList(draft.exemptCodespaces) };
}

export function draftDefinition(draft: PolicyDraft): PolicyDefinitionInput {
  return { name: draft.name, enabled: draft.enabled, rule: draftRule(draft) as PolicyRule, exempt: draftExemptions(draft) };
}

/** A saved policy's fields, for editing it. */
export function draftOf(policy: { name: string; enabled: boolean; rule: PolicyRule; exempt: Exemptions }): PolicyDraft {
  const draft: PolicyDraft = {
    ...emptyDraft(),
    kind: policy.rule.kind,
    name: policy.name,
    enabled: policy.enabled,
    exemptMembers: policy.exempt.members.join(', '),
    exemptCodespaces: policy.exempt.codespaces.join(', '),
  };
  const rule = policy.rule;
  if (rule.kind === 'idle-limit') return { ...draft, limit: String(rule.limit), unit: rule.unit };
  if (rule.kind === 'quiet-hours') return { ...draft, time: rule.time, weekdays: rule.weekdays, timeZone: rule.timeZone };
  if (rule.kind === 'stale-cleanup') return { ...draft, days: String(rule.days) };
  return { ...draft, amountUsd: String(rule.amountUsd) };
}

/**
 * The server's errors by field path, as the form's fields show them: a rule's setting by its name
 * (`limit`, `timeZone`), any exempt member or codespace under its list, the kind under `kind`.
 */
export function formErrors(fields: Record<string, string>): Partial<Record<keyof PolicyDraft | 'form', string>> {
  const errors: Partial<Record<keyof PolicyDraft | 'form', string>> = {};
  for (const [path, message] of Object.entries(fields)) {
    const [head, second] = path.split('.');
    const key: keyof PolicyDraft | 'form' =
      head === 'name'
        ? 'name'
        : head === 'rule'
          ? second && second !== 'kind'
            ? (second as keyof PolicyDraft)
            : 'kind'
          : head === 'exempt'
            ? second === 'codespaces'
              ? 'exemptCodespaces'
              : 'exemptMembers'
            : 'form';
    errors[key] ??= message;
  }
  return errors;
}
