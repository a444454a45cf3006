/**
 * A codespace with a `variant` (model.ts) is answered as GitHub answers when it grows: new states
 * and fields before its OpenAPI description lists them, optional fields left out (future.ts says why).
 */
import type { CodespaceVariant } from './model';

/** The answer for a codespace, as its variant changes it (a new object; the input is left alone). */
export function applyVariant<T extends Record<string, unknown>>(answer: T, variant: CodespaceVariant | undefined): Record<string, unknown> {
  if (!variant) return answer;
  const out: Record<string, unknown> = { ...answer, ...variant.extra };
  if (variant.state !== undefined) out.state = variant.state;
  if (variant.noMachine) out.machine = null;
  if (variant.emptyGitStatus) out.git_status = {};
  for (const field of variant.omit ?? []) delete out[field];
  return out;
}
