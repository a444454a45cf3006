/**
 * Event-loop delay of a server the benchmark does not change: preloaded with
 * `NODE_OPTIONS="--import <this file's URL>"` and `BENCH_ELD_FILE=/some/dir/eld-%p.json`, it watches
 * the process's event loop (perf_hooks.monitorEventLoopDelay) and writes its percentiles, in
 * milliseconds, to that file (`%p`: the process id, since every Node process started with these
 * options loads it) once a second and at exit. SIGUSR2 starts a new window (the histogram is reset),
 * so a measurement can leave out the server's start and the benchmark's setup.
 *
 * The histogram samples every RESOLUTION_MS; what it records is the time between samples, so the
 * resolution itself is taken off: the figures are how late the loop was, 0 when it is idle.
 */
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const template = process.env.BENCH_ELD_FILE;
const RESOLUTION_MS = 10;

if (template) {
  const file = template.replace('%p', String(process.pid));
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let windowStarted = Date.now();
  const ms = (ns) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  const write = () => {
    const figures = {
      pid: process.pid,
      at: Date.now(),
      windowStarted,
      resolutionMs: RESOLUTION_MS,
      samples: histogram.count,
      p50: ms(histogram.percentile(50)),
      p90: ms(histogram.percentile(90)),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
      mean: ms(histogram.mean),
    };
    try {
      writeFileSync(file, `${JSON.stringify(figures)}\n`);
    } catch {
      // The benchmark's folder is gone: nothing to report to.
    }
  };
  setInterval(write, 1000).unref();
  process.on('exit', write);
  process.on('SIGUSR2', () => {
    histogram.reset();
    windowStarted = Date.now();
    write();
  });
  write();
}
