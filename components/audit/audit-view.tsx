import { ScrollText } from 'lucide-react';
import { Page, PageHeader } from '@/components/layout/page';
import { OrgError } from '@/components/ui/states';
import { OrgLinks } from '@/components/orgs/org-links';
import { Button } from '@/components/ui/button';
import { CsvDownloadButton } from '@/components/ui/csv-download-button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Options, toolbarFieldClass } from '@/components/ui/field';
import { describeAuditAction } from '@/lib/audit/domain/entry';
import type { AuditEntryJson } from '@/lib/audit/domain/page-data';
import { exactTime, relativeTime } from '@/lib/format';

export interface AuditViewProps {
  org: string;
  entries: readonly AuditEntryJson[] | undefined;
  actors: readonly string[];
  actions: readonly string[];
  filters: { actor: string; action: string };
  loading: boolean;
  error: Error | null;
  hasMore: boolean;
  loadingMore: boolean;
  now: number;
  csv: () => Promise<string>;
  onFiltersChange: (filters: { actor: string; action: string }) => void;
  onLoadMore: () => void;
  onRetry: () => void;
}

const answered = (entry: AuditEntryJson) =>
  entry.githubStatus ? `${entry.githubStatus} ${entry.githubAnswer ?? ''}` : (entry.githubAnswer ?? '—');

/** The details an entry keeps (a secret's name, a visibility), in words. */
const detailsInWords = (details: AuditEntryJson['details']) =>
  details
    ? Object.entries(details)
        .filter(([key]) => key !== 'policyId' && key !== 'runId')
        .map(([key, value]) => `${key}: ${String(value)}`)
        .join(' · ')
    : '';

/** Every change Hangar made to the organisation's codespaces and settings, newest first, for its owners. */
export function AuditView(props: AuditViewProps) {
  const { org, entries, error, filters } = props;
  const filtered = Boolean(filters.actor || filters.action);
  return (
    <Page gap="roomy">
      <PageHeader
        eyebrow="Organization"
        title={`${org} audit log`}
        description="Every change Hangar made to the organisation’s codespaces and settings, by a person or a policy. Entries are never edited or removed."
        actions={<OrgLinks org={org} current="/audit" />}
      />

      {error && !entries ? (
        <OrgError org={org} error={error} onRetry={props.onRetry} doing="read its audit log" ask="show you what you need from it" />
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Filters">
            <AuditFilter
              label="Who"
              any="Anyone"
              value={filters.actor}
              values={props.actors}
              describe={(actor) => actor}
              onChange={(actor) => props.onFiltersChange({ ...filters, actor })}
            />
            <AuditFilter
              label="What"
              any="Any change"
              value={filters.action}
              values={props.actions}
              describe={describeAuditAction}
              onChange={(action) => props.onFiltersChange({ ...filters, action })}
            />
            <div className="ml-auto">
              <CsvDownloadButton
                csv={props.csv}
                filename={() => `${org}-audit-log-${new Date().toISOString().slice(0, 10)}.csv`}
                disabled={!entries?.length}
              />
            </div>
          </div>

          {error && (
            <ErrorAlert error={error} tone="warning" onRetry={props.onRetry}>
              Showing what was last loaded.
            </ErrorAlert>
          )}

          {props.loading || !entries ? (
            <div aria-busy="true" aria-label="Loading the audit log" className="flex flex-col gap-2">
              {[0, 1, 2, 3, 4].map((i) => (
                <div key={i} className="h-9 animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-800/60" />
              ))}
            </div>
          ) : entries.length === 0 ? (
            <EmptyState icon={<ScrollText className="size-10" />} title={filtered ? 'No entries match' : 'Nothing recorded yet'}>
              {filtered
                ? 'No change by that person or of that kind. Choose Anyone and Any change to see them all.'
                : `When someone stops or deletes a member’s codespace, changes who may use Codespaces or an organisation secret through Hangar, or a policy acts on ${org}, it is listed here.`}
            </EmptyState>
          ) : (
            <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
              <table className="w-full min-w-[44rem] text-left text-sm">
                <caption className="sr-only">Audit log of {org}, newest first</caption>
                <thead className="bg-zinc-50 text-xs text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
                  <tr>
                    {['When', 'Who', 'What', 'Codespace', 'Member', 'GitHub’s answer'].map((heading) => (
                      <th key={heading} scope="col" className="px-3 py-2 font-medium">
                        {heading}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => (
                    <tr key={entry.id} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                      <td className="px-3 py-2 whitespace-nowrap">
                        <time dateTime={entry.at} title={exactTime(entry.at)}>
                          {relativeTime(entry.at, props.now)}
                        </time>
                      </td>
                      <td className="px-3 py-2">{entry.actor}</td>
                      <td className="px-3 py-2">
                        {describeAuditAction(entry.action)}
                        {detailsInWords(entry.details) && (
                          <span className="block text-xs text-zinc-500 dark:text-zinc-400">{detailsInWords(entry.details)}</span>
                        )}
                      </td>
                      <td className="px-3 py-2 break-all">
                        {entry.displayName ?? entry.codespace ?? '—'}
                        {entry.displayName && entry.codespace && entry.displayName !== entry.codespace && (
                          <span className="block text-xs text-zinc-500 dark:text-zinc-400">{entry.codespace}</span>
                        )}
                      </td>
                      <td className="px-3 py-2">{entry.member ?? '—'}</td>
                      <td className={`px-3 py-2 ${entry.githubStatus && entry.githubStatus < 400 ? '' : 'text-red-700 dark:text-red-400'}`}>
                        {answered(entry)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {props.hasMore && (
            <div className="flex justify-center">
              <Button onClick={props.onLoadMore} disabled={props.loadingMore}>
                {props.loadingMore ? 'Loading…' : 'Show older entries'}
              </Button>
            </div>
          )}
        </>
      )}
    </Page>
  );
}

/** One of the log's filters: any, or one of the values the log holds. */
function AuditFilter({
  label,
  any,
  value,
  values,
  describe,
  onChange,
}: {
  label: string;
  /** What the empty choice says ("Anyone"). */
  any: string;
  value: string;
  values: readonly string[];
  describe: (value: string) => string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium">{label}</span>
      <select className={toolbarFieldClass} value={value} onChange={(event) => onChange(event.target.value)}>
        <Options choices={[['', any], ...values.map((choice) => [choice, describe(choice)] as const)]} />
      </select>
    </label>
  );
}
