/**
 * The emulator's rules table (rules.ts) against its tests: every rule has its source and at least
 * one test case naming it, and every case names a rule that exists. A rule without a case, or a
 * case for a rule nobody wrote down, fails here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from './rules';

const HERE = dirname(fileURLToPath(import.meta.url));
const THIS_FILE = fileURLToPath(import.meta.url);

/** A docs.github.com page (English, no version prefix), or an RFC section such as `RFC 9110 §15.4.5`. */
const SOURCE = /^(?:https:\/\/docs\.github\.com\/en\/[a-z0-9][a-z0-9/._-]*(?:#[a-z0-9-]+)?|RFC \d{4} §\d+(?:\.\d+)*)$/;
const ID = /^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/;

function testFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') && path !== THIS_FILE ? [path] : [];
  });
}

/** Each `caseOf(…)` in the emulator's test files: the rule ids it names, and where it is. */
function ruleCases(): { ids: string[]; at: string }[] {
  const cases: { ids: string[]; at: string }[] = [];
  for (const file of testFiles(HERE)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bcaseOf\(([^)]*)\)/g)) {
      const line = text.slice(0, match.index).split('\n').length;
      cases.push({
        ids: [...match[1]!.matchAll(/'([^']*)'|"([^"]*)"/g)].map((id) => id[1] ?? id[2]!),
        at: `${relative(HERE, file)}:${line}`,
      });
    }
  }
  return cases;
}

describe('the emulator’s rules', () => {
  it('each have an id of their own, in the form area.what', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(ids.filter((id) => !ID.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('each say where GitHub or the HTTP standard writes them: a docs.github.com page or an RFC section', () => {
    for (const rule of RULES) {
      expect(rule.sources.length, rule.id).toBeGreaterThan(0);
      for (const source of rule.sources) expect(source, rule.id).toMatch(SOURCE);
    }
  });

  it('each name the emulator files that enforce them', () => {
    for (const rule of RULES) {
      expect(rule.enforcedIn.length, rule.id).toBeGreaterThan(0);
      for (const file of rule.enforcedIn) expect(existsSync(join(HERE, file)), `${rule.id}: ${file}`).toBe(true);
    }
  });

  it('each have at least one test case, and every case names a rule of the table', () => {
    const cases = ruleCases();
    const named = new Set(cases.flatMap((c) => c.ids));
    const known = new Set<string>(RULES.map((rule) => rule.id));
    expect(
      RULES.filter((rule) => !named.has(rule.id)).map((rule) => rule.id),
      'rules no test case names',
    ).toEqual([]);
    expect(
      cases.filter((c) => c.ids.length === 0 || c.ids.some((id) => !known.has(id))).map((c) => `${c.at}: ${c.ids.join(', ')}`),
      'cases naming no rule of the table',
    ).toEqual([]);
  });
});
