import { z } from 'zod';
import { ACCOUNT_NAME } from '@/lib/github/names';

/**
 * One entry of an organisation's audit log: who (a person's login, or `policy: <name>`) did what
 * to which codespace or setting, and GitHub's answer. The one shape of an entry: the policy
 * runner, the proxy's audit hook and the audit page all use it. Pure.
 */

/** An organisation, stored lower case: GitHub's logins are not case-sensitive, and one org is one log. */
export const orgLogin = z
  .string()
  .regex(ACCOUNT_NAME, 'Not a GitHub organisation name')
  .transform((login) => login.toLowerCase());

const personLogin = z.string().regex(ACCOUNT_NAME, 'Not a GitHub login');

const POLICY_ACTOR = 'policy: ';
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

/** The audit log's actor for what a policy did: `policy: <name>`. */
export function policyActor(name: string): `policy: ${string}` {
  return `${POLICY_ACTOR}${name}`;
}

/** A person's login, or `policy: <name>`. */
const auditActor = z.union([
  personLogin,
  z
    .string()
    .startsWith(POLICY_ACTOR)
    .refine((actor) => {
      const name = actor.slice(POLICY_ACTOR.length);
      return name.trim().length > 0 && name.length <= 100 && NO_CONTROL_CHARACTERS.test(name);
    }, 'Not a policy name'),
]);

/** What was done, as a short dotted name (`codespace.stop`, `org-secret.update`): see AUDIT_ACTIONS. */
const auditAction = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*(?:\.[a-z][a-z0-9_-]*)*$/, 'Not an action name')
  .max(64);

/** The actions Hangar records, and how the audit page says them. */
export const AUDIT_ACTIONS = {
  'codespace.stop': 'Stopped codespace',
  'codespace.delete': 'Deleted codespace',
  'codespaces-access.update': 'Changed who may use codespaces',
  'codespaces-access.add-members': 'Allowed members to use codespaces',
  'codespaces-access.remove-members': 'Disallowed members from using codespaces',
  'org-secret.update': 'Saved organisation secret',
  'org-secret.delete': 'Deleted organisation secret',
  'org-secret.repositories': 'Changed a secret’s repositories',
  'org-secret.add-repository': 'Gave a repository a secret',
  'org-secret.remove-repository': 'Took a secret from a repository',
} as const satisfies Record<string, string>;

/** The page's words for an action; an action recorded by a later version reads as itself. */
export function describeAuditAction(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}

const codespaceName = z.string().min(1).max(100);
const jsonObject = z.record(z.string(), z.json());

export const newAuditEntry = z.strictObject({
  org: orgLogin,
  actor: auditActor,
  action: auditAction,
  /** When it happened; the database's clock when omitted. */
  at: z.date().optional(),
  codespace: codespaceName.nullable().default(null),
  /** The codespace's display name, where the one who acted knew it. */
  displayName: z.string().max(100).nullable().default(null),
  member: personLogin.nullable().default(null),
  /** GitHub's HTTP status; null when no answer came (a timeout, a reset connection). */
  githubStatus: z.number().int().min(100).max(599).nullable().default(null),
  /** GitHub's answer, as much of it as an operator needs to read (its `message`): bounded. */
  githubAnswer: z
    .string()
    .transform((answer) => answer.slice(0, 2000))
    .nullable()
    .default(null),
  /** What else identifies the change: a secret's name, a policy's id and run. */
  details: jsonObject.nullable().default(null),
});
export type NewAuditEntry = z.input<typeof newAuditEntry>;

/** An entry as it is read back. */
export interface AuditEntry {
  id: number;
  org: string;
  at: Date;
  actor: string;
  action: string;
  codespace: string | null;
  displayName: string | null;
  member: string | null;
  githubStatus: number | null;
  githubAnswer: string | null;
  details: Record<string, unknown> | null;
}

const DEFAULT_AUDIT_PAGE = 50;
const MAX_AUDIT_PAGE = 500;

/**
 * One page of an organisation's audit log, newest first, optionally of one actor or one action.
 * `before` continues a list: entries appended before the one with that id (the previous page's
 * `nextBefore`), so a page never repeats or skips an entry while new ones arrive.
 */
export const auditQuery = z.strictObject({
  actor: auditActor.optional(),
  action: auditAction.optional(),
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(DEFAULT_AUDIT_PAGE),
});
export type AuditQuery = z.input<typeof auditQuery>;
