import { operations as codespaces } from '@/lib/codespaces/operations';
import { operations as orgs } from '@/lib/orgs/operations';
import { operations as repositories } from '@/lib/repositories/operations';
import { operations as secrets } from '@/lib/secrets/operations';
import { operations as usage } from '@/lib/usage/operations';

/**
 * Every GitHub operation Hangar uses: the union of the slices' own (lib/<feature>/operations.ts).
 * From it come the proxy's allowlist (allowlist.server.ts, with each slice's input rules), and the
 * operations test, which holds it to GitHub's description and the emulator. A slice's typed
 * functions call its own operations; nothing else spells a GitHub path.
 */
export const operations = { ...codespaces, ...repositories, ...orgs, ...usage, ...secrets } as const;

export type OperationName = keyof typeof operations;
