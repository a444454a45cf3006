/** The emulator's imitation of GitHub's distance: a delay per request, bounded jitter, hooks undelayed. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { delayFor, latencyFromEnv, withLatency, type Handler } from './latency';
import { startEmulatorServer } from './node-server';

const ok: Handler = async () => new Response('ok');

describe('withLatency', () => {
  afterEach(() => vi.useRealTimers());

  it('answers only once the delay has passed', async () => {
    vi.useFakeTimers();
    const handle = vi.fn(ok);
    let answered = false;
    const pending = withLatency(handle, { latencyMs: 150 })(new Request('http://emulator.test/api/user/codespaces')).then((r) => {
      answered = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(149);
    expect(answered).toBe(false);
    expect(handle).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(answered).toBe(true);
    expect(await (await pending).text()).toBe('ok');
    expect(handle).toHaveBeenCalledTimes(1);
  });

  it('draws the jitter uniformly within ± jitter, and never waits a negative time', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    for (const r of [0, 0.25, 0.5, 0.75, 0.999999]) {
      await withLatency(ok, { latencyMs: 150, jitterMs: 30, random: () => r, sleep })(new Request('http://e.test/api/user'));
    }
    expect(waits[0]).toBe(120);
    expect(waits[2]).toBe(150);
    expect(waits[4]).toBeCloseTo(180, 3);
    for (const ms of waits) expect(ms >= 120 && ms <= 180).toBe(true);
    // Jitter larger than the latency: clamped at zero, not negative.
    expect(delayFor({ latencyMs: 10, jitterMs: 50, random: () => 0 })).toBe(0);
    for (let i = 0; i < 1000; i++) {
      const ms = delayFor({ latencyMs: 150, jitterMs: 30 });
      expect(ms).toBeGreaterThanOrEqual(120);
      expect(ms).toBeLessThanOrEqual(180);
    }
  });

  it('does not delay the test hooks, with or without a mount', async () => {
    const sleep = vi.fn(async () => {});
    const handle = withLatency(ok, { latencyMs: 150, sleep });
    await handle(new Request('http://e.test/_emulator/fleet', { method: 'POST' }));
    await handle(new Request('http://app.test/emulator/_emulator/log'));
    expect(sleep).not.toHaveBeenCalled();
    await handle(new Request('http://app.test/emulator/api/user'));
    await handle(new Request('http://app.test/emulator/login/oauth/access_token', { method: 'POST' }));
    expect(sleep).toHaveBeenCalledTimes(2);
  });

  it('changes nothing without latency or jitter', () => {
    expect(withLatency(ok, { latencyMs: 0, jitterMs: 0 })).toBe(ok);
  });

  it('is applied by the HTTP server, to REST and not to the hooks', async () => {
    const running = await startEmulatorServer({ control: true, latency: { latencyMs: 120 } });
    try {
      const token = running.emulator.issueToken('mona');
      const time = async (path: string, init?: RequestInit) => {
        const started = performance.now();
        await (await fetch(`${running.url}${path}`, init)).arrayBuffer();
        return performance.now() - started;
      };
      await time('/_emulator/log'); // connection warm-up
      expect(await time('/api/user', { headers: { authorization: `token ${token}` } })).toBeGreaterThanOrEqual(115);
      expect(await time('/_emulator/log')).toBeLessThan(100);
    } finally {
      await running.close();
    }
  });
});

describe('latencyFromEnv', () => {
  it('reads both variables, each defaulting to zero', () => {
    expect(latencyFromEnv({})).toEqual({ latencyMs: 0, jitterMs: 0 });
    expect(latencyFromEnv({ EMULATOR_LATENCY_MS: '150', EMULATOR_JITTER_MS: '30' })).toEqual({ latencyMs: 150, jitterMs: 30 });
    expect(latencyFromEnv({ EMULATOR_LATENCY_MS: ' 80 ', EMULATOR_JITTER_MS: '' })).toEqual({ latencyMs: 80, jitterMs: 0 });
  });

  it('refuses anything but a whole number of milliseconds, naming the variable', () => {
    for (const bad of ['-5', '1.5', '150ms', 'abc', '1e3', '99999999999999999999']) {
      expect(() => latencyFromEnv({ EMULATOR_LATENCY_MS: bad })).toThrow(/EMULATOR_LATENCY_MS must be a whole number/);
    }
    expect(() => latencyFromEnv({ EMULATOR_LATENCY_MS: '150', EMULATOR_JITTER_MS: '-1' })).toThrow(/EMULATOR_JITTER_MS/);
  });
});
