import type { UsageItem } from '@/lib/usage/domain/usage-report';
import type { Codespace } from '@/lib/codespaces/domain/types';

const owner = {
  login: 'mona',
  id: 1,
  node_id: 'U_1',
  avatar_url: 'http://localhost/avatar.svg',
  gravatar_id: null,
  url: 'http://localhost/users/mona',
  html_url: 'http://localhost/mona',
  followers_url: '',
  following_url: '',
  gists_url: '',
  starred_url: '',
  subscriptions_url: '',
  organizations_url: '',
  repos_url: '',
  events_url: '',
  received_events_url: '',
  type: 'User',
  site_admin: false,
} satisfies Codespace['owner'];

type Machine = NonNullable<Codespace['machine']>;

/** A codespace's machine: 4 cores, 16 GB RAM, 32 GB storage, unless overridden. */
export function makeMachine(overrides: Partial<Machine> = {}): Machine {
  return {
    name: 'standardLinux32gb',
    display_name: '4 cores, 16 GB RAM, 32 GB storage',
    operating_system: 'linux',
    storage_in_bytes: 32 * 1024 ** 3,
    memory_in_bytes: 16 * 1024 ** 3,
    cpus: 4,
    prebuild_availability: null,
    ...overrides,
  };
}

/** A valid codespace object with overrides, for unit tests of pure logic. */
export function makeCodespace(overrides: Partial<Codespace> & { repo?: string } = {}): Codespace {
  const { repo = 'octo-org/web', ...rest } = overrides;
  const name = overrides.name ?? `mona-${repo.split('/')[1]}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    id: 1,
    name,
    display_name: null,
    environment_id: 'env',
    owner,
    billable_owner: owner,
    repository: {
      id: 10,
      full_name: repo,
      name: repo.split('/')[1]!,
      owner,
      html_url: `http://localhost/${repo}`,
    } as Codespace['repository'],
    machine: makeMachine(),
    prebuild: false,
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-20T10:00:00Z',
    last_used_at: '2026-11-20T10:00:00Z',
    state: 'Shutdown',
    url: '',
    git_status: { ahead: 0, behind: 0, has_unpushed_changes: false, has_uncommitted_changes: false, ref: 'main' },
    location: 'WestUs2',
    idle_timeout_minutes: 30,
    web_url: '',
    machines_url: '',
    start_url: '',
    stop_url: '',
    pulls_url: null,
    recent_folders: [],
    ...rest,
  };
}

/** One line of GitHub's billing usage report: ten hours of a 4-core codespace in octo-org/web. */
export function makeUsageItem(overrides: Partial<UsageItem> = {}): UsageItem {
  return {
    date: '2026-11-02T00:00:00Z',
    product: 'Codespaces',
    sku: 'Codespaces Linux 4-core',
    quantity: 10,
    unitType: 'Hours',
    pricePerUnit: 0.36,
    grossAmount: 3.6,
    discountAmount: 0,
    netAmount: 3.6,
    organizationName: 'octo-org',
    repositoryName: 'octo-org/web',
    ...overrides,
  } as UsageItem;
}
