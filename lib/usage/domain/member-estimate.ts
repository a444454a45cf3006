import type { Codespace } from '@/lib/codespaces/domain/types';
import type { MemberCost } from './usage-csv';
import { skuCores, usageKind, type UsageItem } from './usage-report';

type Attributable = Pick<Codespace, 'last_used_at'> & {
  repository: Pick<Codespace['repository'], 'full_name'>;
  owner: { login: string };
  machine: Pick<NonNullable<Codespace['machine']>, 'cpus' | 'storage_in_bytes'> | null;
};

/**
 * The usage report names repositories and SKUs but not people. This spreads each repository's
 * cost over the members whose codespaces of that repository could have caused it: compute over
 * the codespaces of the SKU's machine size used in the period (else any of the repository's),
 * weighted by cores; storage by disk size. What no codespace explains is left unattributed.
 * An estimate: the detailed usage CSV makes it exact (`memberCostsFromCsv`).
 */
export function estimateMemberCosts(
  items: readonly UsageItem[],
  codespaces: readonly Attributable[],
  periodStart: string,
): { members: MemberCost[]; unattributed: number } {
  const byRepo = new Map<string, Attributable[]>();
  for (const c of codespaces) {
    const list = byRepo.get(c.repository.full_name) ?? [];
    list.push(c);
    byRepo.set(c.repository.full_name, list);
  }
  const members = new Map<string, MemberCost>();
  const add = (member: string, kind: 'compute' | 'storage', amount: number, coreHours: number) => {
    const cost = members.get(member) ?? { member, compute: 0, storage: 0, total: 0, coreHours: 0 };
    cost[kind] += amount;
    cost.total += amount;
    cost.coreHours += coreHours;
    members.set(member, cost);
  };
  let unattributed = 0;

  for (const item of items) {
    const candidates = byRepo.get(item.repositoryName ?? '') ?? [];
    const kind = usageKind(item);
    let pool = candidates;
    if (kind === 'compute') {
      const used = candidates.filter((c) => c.last_used_at.slice(0, 10) >= periodStart);
      const cores = skuCores(item.sku);
      const sameSize = (used.length ? used : candidates).filter((c) => c.machine?.cpus === cores);
      pool = sameSize.length ? sameSize : used.length ? used : candidates;
    }
    const weight = (c: Attributable) => (kind === 'compute' ? (c.machine?.cpus ?? 0) : (c.machine?.storage_in_bytes ?? 0)) || 1;
    const totalWeight = pool.reduce((n, c) => n + weight(c), 0);
    if (!pool.length || totalWeight === 0) {
      unattributed += item.netAmount;
      continue;
    }
    const itemCores = skuCores(item.sku) ?? 0;
    for (const c of pool) {
      const share = weight(c) / totalWeight;
      add(c.owner.login, kind, item.netAmount * share, kind === 'compute' ? itemCores * item.quantity * share : 0);
    }
  }
  return { members: [...members.values()].sort((a, b) => b.total - a.total), unattributed };
}
