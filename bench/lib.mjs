// Helpers for the benchmark: processes, sign-in, statistics, the results table.
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

/** Resident memory of a process and its descendants' largest (the Next server is a child of start.mjs). */
export function rssOf(pid) {
  const read = (p) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      return 0;
    }
  };
  return read(pid);
}

/** The process ids under `pid` (children, grandchildren…). */
export function descendants(pid) {
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

/** A tiny cookie jar: name → value, from Set-Cookie headers. */
export class CookieJar {
  cookies = new Map();
  take(response) {
    for (const line of response.headers.getSetCookie?.() ?? []) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Signs in to Hangar through the real OAuth web flow, with fetch instead of a browser:
 * Hangar's sign-in → the emulator's authorize form, answered as `login` → Hangar's callback.
 * Returns the session cookie (`name=value`). `scope` asks for other scopes than Hangar's own, as the
 * organisation view's consent screen does (`… admin:org`).
 */
export async function signIn(appUrl, login, { scope } = {}) {
  const jar = new CookieJar();
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = await csrf.json();
  // next-auth passes the sign-in's query on to GitHub's authorize URL (signIn's authorizationParams).
  const query = scope ? `?${new URLSearchParams({ scope })}` : '';
  const start = await fetch(`${appUrl}/api/auth/signin/github${query}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${appUrl}/`, json: 'true' }),
  });
  jar.take(start);
  const authorize = new URL((await start.json()).url);
  // The emulator's authorize page: a form with the request's parameters and this browser's CSRF
  // token (a hidden field, and a cookie), posted back with the chosen account.
  const page = await fetch(authorize, { redirect: 'manual' });
  const html = await page.text();
  const unescape = (value) =>
    value.replace(/&(amp|lt|gt|quot|#39);/g, (_, name) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]);
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g))
    form.append(unescape(name), unescape(value));
  form.set('login', login);
  const approved = await fetch(`${authorize.origin}${authorize.pathname}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: page.headers.get('set-cookie')?.split(';')[0] ?? '' },
    body: form,
  });
  const callback = approved.headers.get('location');
  if (!callback) throw new Error(`Authorize answered ${approved.status} without a redirect`);
  const back = await fetch(callback, { redirect: 'manual', headers: { cookie: jar.header() } });
  jar.take(back);
  const session = [...jar.cookies].find(([name]) => name.endsWith('next-auth.session-token'));
  if (!session) throw new Error(`Sign-in as ${login} gave no session (callback answered ${back.status})`);
  return `${session[0]}=${session[1]}`;
}

export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const median = (values) => percentile(values, 50);

export function formatBytes(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** A plain-text table: columns padded to their widest cell. */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) =>
    r
      .map((cell, i) => String(cell).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
