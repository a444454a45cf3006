// Where the benchmark lives: every server and build it starts runs from the repository's root.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root (this file is bench/lib/paths.mjs). */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
