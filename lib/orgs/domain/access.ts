import { listInWords } from '@/lib/format';

/**
 * Who may use Codespaces billed to an organisation, as its owners set it: the choices, the
 * setting in words, and how a change is sent (GitHub answers 204 and never lets it be read). Pure.
 */

export const CODESPACES_ACCESS_VISIBILITIES = [
  'disabled',
  'selected_members',
  'all_members',
  'all_members_and_outside_collaborators',
] as const;
export type CodespacesAccessVisibility = (typeof CODESPACES_ACCESS_VISIBILITIES)[number];

/** GitHub's description: at most 100 usernames per request (adding or removing Codespaces access). */
export const MAX_USERNAMES = 100;

export const ACCESS_CHOICES: { value: CodespacesAccessVisibility; label: string; detail: string }[] = [
  { value: 'disabled', label: 'Disabled', detail: 'No one can use Codespaces billed to the organization.' },
  { value: 'selected_members', label: 'Selected members', detail: 'Only the members you choose.' },
  { value: 'all_members', label: 'All members', detail: 'Every member of the organization.' },
  {
    value: 'all_members_and_outside_collaborators',
    label: 'All members and outside collaborators',
    detail: 'Members, and collaborators on the organization’s repositories who are not members.',
  },
];

const accessLabel = (visibility: CodespacesAccessVisibility) => ACCESS_CHOICES.find((c) => c.value === visibility)!.label;

/** A setting in words: "Selected members: mona and hubot". */
export function accessInWords({ visibility, usernames }: { visibility: CodespacesAccessVisibility; usernames: readonly string[] }): string {
  return visibility === 'selected_members' ? `Selected members: ${listInWords(usernames, 5)}` : accessLabel(visibility);
}

export interface AccessSetting {
  visibility: CodespacesAccessVisibility;
  usernames: string[];
}

/**
 * How to ask GitHub for a new setting. GitHub cannot be asked what the setting is now, so only
 * when the last change made here already chose members (`since`) and the new one chooses members
 * too is it sent as the people added and removed; otherwise as the whole setting.
 */
export type AccessChange =
  | { kind: 'set'; setting: AccessSetting }
  | { kind: 'members'; add: string[]; remove: string[]; setting: AccessSetting }
  | { kind: 'none'; setting: AccessSetting };

export function planAccessChange(since: AccessSetting | null, next: AccessSetting): AccessChange {
  const setting = { visibility: next.visibility, usernames: next.visibility === 'selected_members' ? [...next.usernames] : [] };
  if (since?.visibility !== 'selected_members' || next.visibility !== 'selected_members') return { kind: 'set', setting };
  const before = new Set(since.usernames.map((u) => u.toLowerCase()));
  const after = new Set(setting.usernames.map((u) => u.toLowerCase()));
  const add = setting.usernames.filter((u) => !before.has(u.toLowerCase()));
  const remove = since.usernames.filter((u) => !after.has(u.toLowerCase()));
  if (add.length === 0 && remove.length === 0) return { kind: 'none', setting };
  return { kind: 'members', add, remove, setting };
}

/** What the access dialog says will change. */
export function accessChangeInWords(org: string, change: AccessChange): string {
  if (change.kind === 'none') return `Nothing changes: this is what was last set here.`;
  if (change.kind === 'members') {
    const parts = [
      change.add.length ? `adds ${listInWords(change.add, 5)}` : '',
      change.remove.length ? `removes ${listInWords(change.remove, 5)}` : '',
    ].filter(Boolean);
    return `Among the members who may use Codespaces in ${org}, this ${parts.join(' and ')}.`;
  }
  const { visibility, usernames } = change.setting;
  if (visibility === 'disabled') return `No one will be able to use Codespaces billed to ${org}. Running codespaces are not stopped.`;
  if (visibility === 'selected_members')
    return usernames.length === 0
      ? `No member will be able to use Codespaces billed to ${org} until you choose some.`
      : `Only ${listInWords(usernames, 5)} will be able to use Codespaces billed to ${org}.`;
  if (visibility === 'all_members') return `Every member of ${org} will be able to use Codespaces billed to it.`;
  return `Every member of ${org}, and outside collaborators on its repositories, will be able to use Codespaces billed to it.`;
}
