// Child processes: starting one and waiting until it is ready, and reading its memory.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a process and resolves once `ready(output)` is true (or fails after `timeoutMs`). */
export function startProcess(name, command, args, { env, cwd, ready, timeoutMs = 180_000 }) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const started = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${timeoutMs} ms:\n${output.slice(-3000)}`)), timeoutMs);
    const check = async () => {
      try {
        if (await ready(output)) {
          clearTimeout(timer);
          resolve();
          return;
        }
      } catch {
        // not yet
      }
      if (child.exitCode !== null) {
        clearTimeout(timer);
        reject(new Error(`${name} exited (${child.exitCode}):\n${output.slice(-3000)}`));
        return;
      }
      setTimeout(check, 200);
    };
    void check();
  });
  return {
    child,
    started,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** Resident memory of one process, in bytes (0 when it is gone). */
export function rssOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** The process ids under `pid` (children, grandchildren…). */
function descendants(pid) {
  const out = spawnSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' }).stdout;
  const children = new Map();
  for (const line of out.trim().split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(child);
  }
  const all = [];
  const walk = (p) => {
    for (const c of children.get(p) ?? []) {
      all.push(c);
      walk(c);
    }
  };
  walk(pid);
  return all;
}

/** The Next server's own process (start.mjs runs `next start` as a child): the largest under `server`. */
export function serverPid(server) {
  const candidates = [server.child.pid, ...descendants(server.child.pid)];
  return candidates.reduce((best, pid) => (rssOf(pid) > rssOf(best) ? pid : best), server.child.pid);
}
