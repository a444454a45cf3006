import { allowlistOf, type AllowedOperation, type Validation } from '@/lib/github/allowlist.server';
import { operationRules as codespaces } from '@/lib/codespaces/operations.server';
import { operationRules as orgs } from '@/lib/orgs/operations.server';
import { operationRules as repositories } from '@/lib/repositories/operations.server';
import { operationRules as secrets } from '@/lib/secrets/operations.server';
import { operationRules as usage } from '@/lib/usage/operations.server';
import { operations, type OperationName } from './index';

/** Every operation's input rules: the slices' own. The type demands an entry for each operation, and no other. */
const rules: Record<OperationName, Validation> = { ...codespaces, ...repositories, ...orgs, ...usage, ...secrets };

/** The proxy's allowlist: every operation with its rules, most specific route first. Nothing else reaches GitHub through `/api/github/`. */
export const allowlist = allowlistOf(operations, rules);

/** The allowlist's entry for an operation (the server's own reads go by the same rules). */
export function allowedOperation(method: string, route: string): AllowedOperation | undefined {
  return allowlist.find((op) => op.method === method && op.route === route);
}
