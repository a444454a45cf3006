// What a run found: results.json's figures and the printed table, a row per figure with its target.
import os from 'node:os';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { table } from './format.mjs';
import { root } from './paths.mjs';

/** Progress, on stderr: stdout is the table. */
export const log = (...args) => console.error('[bench]', ...args);

export function createReport({ quick }) {
  const results = {
    at: new Date().toISOString(),
    quick,
    node: process.version,
    cpus: os.cpus().length,
    loadAverageAtStart: os.loadavg(),
    figures: {},
  };
  const rows = [['measure', 'figure', 'target', '']];
  const notMeasured = [];

  /**
   * One figure: `value` goes to results.json under `key`, `shown` to the table next to `label`;
   * with a `target` (its wording) and `pass` (whether the figure meets it), the row says pass or FAIL.
   */
  function record(key, label, value, shown, target, pass) {
    results.figures[key] = { value, target: target ?? null, pass: pass ?? null };
    rows.push([label, shown, target ?? '', pass === undefined || pass === null ? '' : pass ? 'pass' : 'FAIL']);
  }

  /** A part that failed says so in the table ("not measured") instead of stopping the other parts. */
  function recordNotMeasured(name, error) {
    const message = String(error?.message ?? error);
    log(`${name} could not be measured:`, error);
    notMeasured.push(name);
    record(`${name}.error`, `${name}: not measured`, message, `not measured: ${message.split('\n')[0].slice(0, 90)}`);
  }

  /** Prints the table, writes bench/results.json; returns the targets missed and the parts not measured. */
  function finish() {
    const text = table(rows);
    results.loadAverageAtEnd = os.loadavg();
    const load = (l) => l.map((n) => n.toFixed(1)).join(' ');
    console.log(
      `\nHangar benchmark${quick ? ' (BENCH_QUICK: shortened, indicative only)' : ''}: ${results.cpus} CPUs, Node ${process.version}, ` +
        `load average ${load(results.loadAverageAtStart)} at the start, ${load(results.loadAverageAtEnd)} at the end\n`,
    );
    console.log(text);
    results.table = text;
    writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log('\nWritten to bench/results.json');
    const failed = Object.values(results.figures).filter((f) => f.pass === false).length;
    if (failed) console.log(`${failed} target(s) missed.`);
    if (notMeasured.length) console.log(`Not measured (see the log above): ${notMeasured.join(', ')}.`);
    return { failed, notMeasured: [...notMeasured] };
  }

  return { results, record, recordNotMeasured, finish };
}
