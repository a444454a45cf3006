/**
 * The emulator's modules import one another in one direction: no circle, type imports included.
 * eslint's `import/no-cycle` skips `import type`, and a circle of types still ties modules
 * together (issue 23), so this reads every import itself, with TypeScript's own pre-parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Each of the emulator's modules (tests aside) with the emulator modules it imports, by file name. */
function importGraph(): Map<string, string[]> {
  const modules = readdirSync(HERE).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
  return new Map(
    modules.map((name) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(join(HERE, name), 'utf8'), true, true);
      const local = importedFiles.map(({ fileName }) => fileName).filter((spec) => spec.startsWith('./'));
      return [name, local.map((spec) => `${spec.slice(2)}.ts`).filter((file) => modules.includes(file))];
    }),
  );
}

/** Every circle, each written from its first module back to it: `a.ts → b.ts → a.ts`. */
function circles(graph: Map<string, string[]>): string[] {
  const found = new Set<string>();
  const done = new Set<string>();
  const walk = (name: string, path: string[]) => {
    const at = path.indexOf(name);
    if (at >= 0) {
      const circle = path.slice(at);
      const start = circle.indexOf([...circle].sort()[0]!);
      const turned = [...circle.slice(start), ...circle.slice(0, start)];
      found.add([...turned, turned[0]].join(' → '));
      return;
    }
    if (done.has(name)) return;
    for (const next of graph.get(name) ?? []) walk(next, [...path, name]);
    done.add(name);
  };
  for (const name of graph.keys()) walk(name, []);
  return [...found].sort();
}

describe('the emulator’s modules', () => {
  it('import one another in one direction, types included', () => {
    expect(circles(importGraph())).toEqual([]);
  });

  it('are all read (a test of the reader itself)', () => {
    const graph = importGraph();
    expect(graph.get('state.ts')).toContain('seed.ts');
    expect(circles(new Map([...graph, ['seed.ts', [...graph.get('seed.ts')!, 'state.ts']]]))).toContain('seed.ts → state.ts → seed.ts');
  });
});
