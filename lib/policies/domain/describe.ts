import { formatUsd } from '@/lib/usage/domain/cost';
import { pluralize } from '@/lib/format';
import { describeQuietHours } from './quiet-hours';
import type { Exemptions, PolicyRule } from './schemas';

/** What a policy does, in one sentence, as the policies page lists it. Pure. */
export function describePolicy(rule: PolicyRule): string {
  switch (rule.kind) {
    case 'idle-limit':
      return `Stops running codespaces unused for more than ${pluralize(rule.limit, rule.unit === 'hours' ? 'hour' : 'minute')}.`;
    case 'quiet-hours':
      return `Stops every running codespace ${describeQuietHours(rule)}.`;
    case 'stale-cleanup':
      return `Deletes codespaces stopped and unused for more than ${pluralize(rule.days, 'day')}; keeps any with unpushed or uncommitted work.`;
    case 'monthly-budget':
      return `Stops a member’s running codespaces once their estimated cost this month passes ${formatUsd(rule.amountUsd)}.`;
  }
}

/** Its exemptions in words, or null when it has none. */
export function describeExemptions(exempt: Exemptions): string | null {
  const parts = [
    exempt.members.length ? `members ${exempt.members.join(', ')}` : null,
    exempt.codespaces.length ? `codespaces ${exempt.codespaces.join(', ')}` : null,
  ].filter(Boolean);
  return parts.length ? `Never touches ${parts.join(' and ')}.` : null;
}
