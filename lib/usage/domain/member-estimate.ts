import type { Codespace } from '@/lib/codespaces/domain/types';
import { attributeReport } from './month-cost';
import type { MemberCost } from './usage-csv';
import type { UsageItem } from './usage-report';

type Attributable = Parameters<typeof attributeReport>[1][number] & { owner: Pick<Codespace['owner'], 'login'> };

/**
 * The usage report names repositories and SKUs but not people: each member's cost is the sum of
 * their codespaces' shares (`attributeReport`, the same shares the codespaces show), so a member's
 * figure and their codespaces' can never disagree. What no codespace explains is left unattributed.
 * An estimate: the detailed usage CSV makes it exact (`memberCostsFromCsv`).
 */
export function estimateMemberCosts(
  items: readonly UsageItem[],
  codespaces: readonly Attributable[],
  periodStart: string,
): { members: MemberCost[]; unattributed: number } {
  const { costs, unattributed } = attributeReport(items, codespaces, periodStart);
  const members = new Map<string, MemberCost>();
  for (const c of codespaces) {
    const cost = costs.get(c.name)!;
    if (cost.total === 0 && cost.coreHours === 0) continue;
    const member = members.get(c.owner.login) ?? { member: c.owner.login, compute: 0, storage: 0, total: 0, coreHours: 0 };
    member.compute += cost.compute;
    member.storage += cost.storage;
    member.total += cost.total;
    member.coreHours += cost.coreHours;
    members.set(c.owner.login, member);
  }
  return { members: [...members.values()].sort((a, b) => b.total - a.total), unattributed };
}
