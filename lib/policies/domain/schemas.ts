import { z } from 'zod';
import { CODESPACE_NAME } from '@/lib/codespaces/domain/patterns';
import { ACCOUNT_NAME } from '@/lib/github/names';
import { webhookUrlProblem } from './private-networks';

/**
 * What an organisation owner may save as a policy, and the organisation's webhook URL: one schema
 * each, shared by the policies form (the same rule the server enforces) and the server action that
 * saves (nothing is saved unless it parses). Every field says what is wrong with it in words.
 *
 * Bounds, and why:
 * - idle limit: 5 minutes (GitHub's own shortest idle timeout) to 7 days (168 hours); a running
 *   codespace unused for a week is what this policy is for, longer is no limit at all;
 * - stale clean-up: 1 to 365 days stopped and unused (GitHub's own retention stops at 30 days);
 * - monthly budget: $0.01 to $100,000 per member, in whole cents;
 * - a name of 1 to 80 characters; at most 500 exempt members and 500 exempt codespaces.
 */

const IDLE_LIMIT_BOUNDS = { minMinutes: 5, maxMinutes: 7 * 24 * 60 } as const;
const STALE_DAYS_BOUNDS = { min: 1, max: 365 } as const;
const BUDGET_BOUNDS = { minUsd: 0.01, maxUsd: 100_000 } as const;
const MAX_EXEMPTIONS = 500;
const POLICY_NAME_MAX = 80;

/** Monday first, as ISO 8601 counts them. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export const POLICY_KINDS = ['idle-limit', 'quiet-hours', 'stale-cleanup', 'monthly-budget'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];
export const POLICY_KIND_LABELS: Record<PolicyKind, string> = {
  'idle-limit': 'Idle limit',
  'quiet-hours': 'Quiet hours',
  'stale-cleanup': 'Stale clean-up',
  'monthly-budget': 'Monthly budget',
};

/** A number field: "Enter a number" for anything else, including an empty field. */
const numberField = () => z.number({ error: (issue) => (issue.input === undefined ? 'Required' : 'Enter a number') });
const wholeNumber = () => numberField().int('Enter a whole number');

const idleLimitRule = z
  .strictObject({
    kind: z.literal('idle-limit'),
    limit: wholeNumber().positive('Must be more than 0'),
    unit: z.enum(['minutes', 'hours'], 'Choose minutes or hours'),
  })
  .superRefine((rule, ctx) => {
    const minutes = idleLimitMinutes(rule);
    if (minutes < IDLE_LIMIT_BOUNDS.minMinutes)
      ctx.addIssue({ code: 'custom', path: ['limit'], message: `At least ${IDLE_LIMIT_BOUNDS.minMinutes} minutes` });
    else if (minutes > IDLE_LIMIT_BOUNDS.maxMinutes)
      ctx.addIssue({ code: 'custom', path: ['limit'], message: 'At most 7 days (168 hours)' });
  });

/** `HH:MM`, 24-hour clock. */
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * An IANA time zone name the runtime knows (`Europe/Berlin`, `UTC`), written as the IANA database
 * spells it. Offsets (`+02:00`) are refused: they ignore daylight saving, which is why a zone is asked.
 */
const timeZoneSchema = z
  .string({ error: 'Choose a time zone' })
  .trim()
  .min(1, 'Choose a time zone')
  .superRefine((zone, ctx) => {
    if (canonicalTimeZone(zone) === null)
      ctx.addIssue({ code: 'custom', message: `“${zone}” is not a time zone (use a name like Europe/Berlin)` });
  })
  .transform((zone) => canonicalTimeZone(zone)!);

/** The runtime's own spelling of an IANA zone name, or null when it is not one. */
function canonicalTimeZone(zone: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const quietHoursRule = z.strictObject({
  kind: z.literal('quiet-hours'),
  time: z.string({ error: 'Enter a time as HH:MM' }).regex(TIME_OF_DAY, 'Enter a time as HH:MM (24-hour clock, e.g. 19:00)'),
  weekdays: z
    .array(z.enum(WEEKDAYS, 'Not a weekday'), { error: 'Choose at least one weekday' })
    .min(1, 'Choose at least one weekday')
    // Stored once each, Monday first, whatever order the form sent.
    .transform((days) => WEEKDAYS.filter((day) => days.includes(day))),
  timeZone: timeZoneSchema,
});

const staleCleanupRule = z.strictObject({
  kind: z.literal('stale-cleanup'),
  days: wholeNumber()
    .min(STALE_DAYS_BOUNDS.min, `At least ${STALE_DAYS_BOUNDS.min} day`)
    .max(STALE_DAYS_BOUNDS.max, `At most ${STALE_DAYS_BOUNDS.max} days`),
});

const monthlyBudgetRule = z.strictObject({
  kind: z.literal('monthly-budget'),
  amountUsd: numberField()
    .min(BUDGET_BOUNDS.minUsd, 'Must be more than $0')
    .max(BUDGET_BOUNDS.maxUsd, 'At most $100,000 a month')
    .refine((amount) => Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6, 'Whole cents only (e.g. 49.99)'),
});

export const policyRuleSchema = z.discriminatedUnion('kind', [idleLimitRule, quietHoursRule, staleCleanupRule, monthlyBudgetRule], {
  error: 'Choose what the policy does',
});

/** Items are checked one by one, so the error names the one that is wrong; repeats are dropped. */
const exemptList = (pattern: RegExp, what: string) =>
  z
    .array(
      z
        .string()
        .trim()
        .regex(pattern, { error: (issue) => `“${String(issue.input)}” is not ${what}` }),
    )
    .max(MAX_EXEMPTIONS, `At most ${MAX_EXEMPTIONS}`)
    .transform((items) => [...new Set(items)]);

export const exemptionsSchema = z.strictObject({
  /** GitHub logins; compared without regard to case, as GitHub does. */
  members: exemptList(ACCOUNT_NAME, 'a GitHub login').default([]),
  /** Codespace names (the generated `name`, not the display name: only it is unique). */
  codespaces: exemptList(CODESPACE_NAME, 'a codespace name').default([]),
});

export const policyDefinitionSchema = z.strictObject({
  name: z
    .string({ error: 'Give the policy a name' })
    .trim()
    .min(1, 'Give the policy a name')
    .max(POLICY_NAME_MAX, `At most ${POLICY_NAME_MAX} characters`),
  enabled: z.boolean().default(false),
  rule: policyRuleSchema,
  exempt: exemptionsSchema.default({ members: [], codespaces: [] }),
});

export type PolicyRule = z.infer<typeof policyRuleSchema>;
export type IdleLimitRule = Extract<PolicyRule, { kind: 'idle-limit' }>;
export type QuietHoursRule = Extract<PolicyRule, { kind: 'quiet-hours' }>;
export type Exemptions = z.infer<typeof exemptionsSchema>;
/** A policy as saved: validated, repeats dropped, the time zone in its canonical spelling. */
export type PolicyDefinition = z.infer<typeof policyDefinitionSchema>;
/** What a form or API sends before validation. */
export type PolicyDefinitionInput = z.input<typeof policyDefinitionSchema>;

export function idleLimitMinutes(rule: Pick<IdleLimitRule, 'limit' | 'unit'>): number {
  return rule.unit === 'hours' ? rule.limit * 60 : rule.limit;
}

/**
 * The organisation's webhook URL, or nothing (an empty field clears it). Syntax only: https, no
 * user name or password, no host that names loopback or a private network (`localhost`, `*.local`,
 * `10.0.0.1`, `[::1]`…). Where a host name really leads is checked when posting, after DNS
 * (`lib/policies/webhook.server.ts`). `allowPrivate` mirrors HANGAR_WEBHOOK_ALLOW_PRIVATE=1.
 */
export function webhookUrlSchema({ allowPrivate = false }: { allowPrivate?: boolean } = {}) {
  return z
    .string({ error: 'Enter a URL' })
    .trim()
    .max(2048, 'At most 2,048 characters')
    .superRefine((url, ctx) => {
      if (url === '') return;
      const problem = webhookUrlProblem(url, { allowPrivate });
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((url) => (url === '' ? null : new URL(url).href));
}

/** Each field's first error, keyed by its path (`rule.limit`, `exempt.members.2`), for a form to show beside the field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** "alice, bob\ncarol" → ['alice', 'bob', 'carol']: how a text field of exemptions becomes a list. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}
