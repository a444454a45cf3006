import { describe, expect, it } from 'vitest';
import { KeyedGate } from './gate';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a per-user gate on concurrent requests', () => {
  it('runs at most `limit` tasks at once for one key, the rest in arrival order', async () => {
    const gate = new KeyedGate(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const tasks = [0, 1, 2, 3, 4].map((i) =>
      gate.run('mona', async () => {
        running++;
        most = Math.max(most, running);
        order.push(i);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
        return i;
      }),
    );
    for (let i = 0; i < 5; i++) {
      await tick();
      releases.shift()?.();
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(gate.busyKeys).toBe(0);
  });

  it('lets a task marked first wait ahead of those already waiting', async () => {
    const gate = new KeyedGate(1);
    const order: string[] = [];
    const releases: (() => void)[] = [];
    const task = (name: string) => async () => {
      order.push(name);
      await new Promise<void>((resolve) => releases.push(resolve));
    };
    const tasks = [gate.run('mona', task('out')), gate.run('mona', task('later 1')), gate.run('mona', task('later 2'))];
    tasks.push(gate.run('mona', task('page one'), { first: true }));
    for (let i = 0; i < 4; i++) {
      await tick();
      releases.shift()?.();
    }
    await Promise.all(tasks);
    expect(order).toEqual(['out', 'page one', 'later 1', 'later 2']);
  });

  it('does not make one user wait for another', async () => {
    const gate = new KeyedGate(1);
    let release!: () => void;
    const slow = gate.run('mona', () => new Promise<void>((resolve) => (release = resolve)));
    expect(await gate.run('hubot', async () => 'done')).toBe('done');
    release();
    await slow;
  });

  it('frees the slot when a task fails', async () => {
    const gate = new KeyedGate(1);
    await expect(gate.run('mona', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run('mona', async () => 'next')).toBe('next');
    expect(gate.busyKeys).toBe(0);
  });
});
