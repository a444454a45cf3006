import { AlertTriangle, CheckCircle2, ExternalLink, Info } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { MultiPicker, type PickerItem } from '@/components/ui/multi-picker';
import { SecretsSection } from '@/components/secrets/secrets-section';
import type { Loaded } from '@/components/ui/loaded';
import { ApiError } from '@/lib/transport/errors';
import type { Secret } from '@/lib/secrets/domain/scope';
import type { SecretRepository } from '@/lib/secrets/domain/types';
import { exactTime, relativeTime } from '@/lib/format';
import { orgCodespacesSettingsUrl } from '@/lib/orgs/domain/access-deprecation';
import { ACCESS_CHOICES, accessInWords, type AccessSetting, type CodespacesAccessVisibility } from '@/lib/orgs/domain/access';
import { OrgError } from '@/components/ui/states';
import { Page, PageHeader } from '@/components/layout/page';
import { OrgLinks } from './org-links';

export interface AccessDraft {
  /** Null until the owner picks one: GitHub cannot say what it is now. */
  visibility: CodespacesAccessVisibility | null;
  usernames: ReadonlySet<string>;
}

export interface OrgSettingsViewProps {
  org: string;
  secrets: Loaded<readonly Secret[]>;
  /** The chosen repositories of each secret whose visibility is `selected`. */
  repositoriesOf: (name: string) => Loaded<readonly SecretRepository[]>;
  members: Loaded<readonly PickerItem[]>;
  draft: AccessDraft;
  lastSet: { setting: AccessSetting; at: number } | null;
  now: number;
  /** `$GITHUB_WEB_URL`, where the organisation's own Codespaces settings are (null: not known). */
  githubWebUrl: string | null;
  onDraftChange: (draft: AccessDraft) => void;
  onReviewAccess: () => void;
  onNewSecret: () => void;
  onEditSecret: (name: string) => void;
  onDeleteSecret: (name: string) => void;
  onRetry: () => void;
}

/** An organisation's Codespaces settings for its owners: who may use Codespaces, and the organisation's secrets. */
export function OrgSettingsView(props: OrgSettingsViewProps) {
  const { org, secrets } = props;
  // Reading the secrets is what GitHub refuses a member who is not an owner: then nothing else here is theirs.
  const refused = secrets.error instanceof ApiError && (secrets.error.status === 403 || secrets.error.status === 404) && !secrets.data;
  return (
    <Page gap="roomy">
      <PageHeader eyebrow="Organization" title={`${org} Codespaces settings`} actions={<OrgLinks org={org} current="/settings" />} />
      {refused ? (
        <OrgError
          org={org}
          error={secrets.error}
          onRetry={props.onRetry}
          doing="change its Codespaces settings"
          ask="change who may use Codespaces or the organisation’s secrets"
        />
      ) : (
        <>
          <AccessSection {...props} />
          <SecretsSection
            scope={{ kind: 'organization', org }}
            secrets={secrets}
            repositoriesOf={props.repositoriesOf}
            now={props.now}
            onNew={props.onNewSecret}
            onEdit={props.onEditSecret}
            onDelete={props.onDeleteSecret}
            onRetry={props.onRetry}
          />
        </>
      )}
    </Page>
  );
}

/**
 * GitHub's REST description marks the endpoints this section saves with as deprecated
 * (lib/orgs/access-deprecation.ts): they still work, and the owner's lasting alternative is the
 * same setting on GitHub's own Codespaces settings page for the organisation.
 */
function AccessDeprecated({ org, githubWebUrl }: { org: string; githubWebUrl: string | null }) {
  return (
    <div
      role="note"
      aria-labelledby="access-deprecated-heading"
      className="flex gap-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100"
    >
      <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="flex flex-col gap-1">
        <p id="access-deprecated-heading" className="font-semibold">
          GitHub has deprecated this API
        </p>
        <p>
          GitHub marks the API Hangar saves this setting with as deprecated. It still works, but GitHub may change or remove it. The same
          setting is in {org}’s Codespaces settings on GitHub, under General › Codespaces access.
        </p>
        {githubWebUrl && (
          <a
            href={orgCodespacesSettingsUrl(githubWebUrl, org)}
            target="_blank"
            rel="noreferrer"
            className="inline-flex w-fit items-center gap-1 font-medium underline underline-offset-2"
          >
            Open {org}’s Codespaces settings on GitHub <ExternalLink aria-hidden className="size-3.5" />
          </a>
        )}
      </div>
    </div>
  );
}

function AccessSection({ org, members, draft, lastSet, now, githubWebUrl, onDraftChange, onReviewAccess }: OrgSettingsViewProps) {
  return (
    <section aria-labelledby="access-heading" className="flex flex-col gap-3">
      <div>
        <h2 id="access-heading" className="text-base font-semibold">
          Who may use Codespaces
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Who can create codespaces billed to {org}.</p>
      </div>
      <AccessDeprecated org={org} githubWebUrl={githubWebUrl} />
      {lastSet ? (
        <p
          role="status"
          className="flex gap-2 rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-100"
        >
          <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            Saved: {accessInWords(lastSet.setting)} (GitHub does not let Hangar read the current setting back, so this shows what was last
            set here){' '}
            <time dateTime={new Date(lastSet.at).toISOString()} title={exactTime(new Date(lastSet.at).toISOString())}>
              · {relativeTime(new Date(lastSet.at).toISOString(), now)}
            </time>
          </span>
        </p>
      ) : (
        <p className="flex gap-2 rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
          <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            GitHub offers no way to read the current setting, so Hangar cannot show it. Choose who may use Codespaces and save: this page
            then shows what was set.
          </span>
        </p>
      )}
      <div className="flex flex-col gap-4 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
        <fieldset className="flex flex-col gap-2 text-sm">
          <legend className="sr-only">Who may use Codespaces</legend>
          {ACCESS_CHOICES.map((choice) => (
            <label key={choice.value} className="flex items-start gap-2.5">
              <input
                type="radio"
                name="codespaces-access"
                value={choice.value}
                checked={draft.visibility === choice.value}
                onChange={() => onDraftChange({ ...draft, visibility: choice.value })}
                className="mt-0.5 size-4 shrink-0 accent-sky-700"
              />
              <span>
                <span className="font-medium">{choice.label}</span>
                <span className="block text-xs text-zinc-600 dark:text-zinc-400">{choice.detail}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {draft.visibility === 'selected_members' &&
          (members.error ? (
            <ErrorAlert error={members.error} fallbackTitle={`Could not load the members of ${org}`} />
          ) : (
            <MultiPicker
              label="Members"
              items={members.data}
              loading={members.loading}
              loadingText="Loading members…"
              selected={draft.usernames}
              onChange={(usernames) => onDraftChange({ ...draft, usernames })}
            />
          ))}
        <div>
          <Button variant="primary" onClick={onReviewAccess} disabled={draft.visibility === null}>
            Save access
          </Button>
        </div>
      </div>
    </section>
  );
}
