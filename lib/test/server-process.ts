/**
 * Starting and stopping the throwaway servers tests run (redis-server, PostgreSQL): a free port on
 * loopback, the program started with its output read until it says it is ready, and a stop that
 * waits for the process to be gone.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';

/** A port nothing listens on now, on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProgram {
  /** The program's name in messages: `redis-server`, `postgres`. */
  name: string;
  path: string;
  args: string[];
  /** What the program writes (stdout or stderr) once it accepts connections. */
  ready: RegExp;
  timeoutMs: number;
  /** What to say when the program cannot be run at all (not installed). */
  install: string;
  options?: SpawnOptions;
}

/** Starts `program` and resolves once it says it is ready; rejects if it exits, cannot run, or is not ready in time. */
export function startServerProcess(program: ServerProgram): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(program.path, program.args, { ...program.options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      // Not left running when the test gives up on it.
      child.kill();
      reject(new Error(`${program.name} did not start within ${program.timeoutMs / 1000} s:\n${output}`));
    }, program.timeoutMs);
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (program.ready.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', listen);
    child.stderr!.on('data', listen);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Cannot run ${program.path} (${error.message}). ${program.install}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${program.name} exited (${code}):\n${output}`));
    });
  });
}

/** Stops `child` with `signal`, resolving once it has exited (at once if it already has). */
export function stopServerProcess(child: ChildProcess | null, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
