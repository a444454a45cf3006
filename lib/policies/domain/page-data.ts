import type { PolicyDecision } from './decide';
import type { Exemptions, PolicyRule } from './schemas';
import type { PolicyRunRecord } from '../ports';

/**
 * What Hangar's policy routes (`/api/orgs/<org>/policies…`) answer, as JSON: dates as ISO text.
 * The policies page reads these and its views render them. Types only.
 */

/** A value as JSON carries it: a Date becomes its ISO text. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? Json<Item>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

export type PolicyRunJson = Json<PolicyRunRecord>;

export interface PolicyListItem {
  id: string;
  name: string;
  enabled: boolean;
  rule: PolicyRule;
  exempt: Exemptions;
  /** What it does, in a sentence. */
  description: string;
  updatedAt: string;
  updatedBy: string;
  lastRun: PolicyRunJson | null;
}

/** Whether Hangar's GitHub App can act on the organisation: policies run only where it is installed. */
export type AppStatus = { state: 'installed' } | { state: 'not-installed' | 'not-configured' | 'unknown'; message: string };

export interface PoliciesPageData {
  org: string;
  app: AppStatus;
  webhookUrl: string | null;
  policies: PolicyListItem[];
}

export type PolicyPreviewJson =
  { ok: true; decision: PolicyDecision; nextOccurrence: { at: string; words: string } | null } | { ok: false; message: string };

/** Run now's answer: the run, or why it did not run (it was already running). */
export type RunNowJson = { ran: true; run: PolicyRunJson } | { ran: false; why: string };

/** A refusal or error from Hangar's own routes; `fields` names each bad input beside its field (`rule.limit`, `name`, `webhookUrl`). */
export interface RouteError {
  message: string;
  status: number;
  fields?: Record<string, string>;
}
