import type { AuditEntry } from './entry';

/** What `/api/orgs/<org>/audit` answers (JSON: dates as ISO text). Types only. */

export type AuditEntryJson = Omit<AuditEntry, 'at'> & { at: string };

export interface AuditPageData {
  org: string;
  /** Newest first. */
  entries: AuditEntryJson[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
  /** Who and what appear in the log, for the filters' choices. */
  actors: string[];
  actions: string[];
}
