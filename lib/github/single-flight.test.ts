import { describe, expect, it } from 'vitest';
import { SingleFlight } from './single-flight';

describe('sharing one answer among identical requests in flight', () => {
  it('runs the task once for requests that arrive while it is in flight', async () => {
    const flight = new SingleFlight<number>();
    let calls = 0;
    let release!: (value: number) => void;
    const task = () => {
      calls++;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const answers = [flight.run('mona GET /user', task), flight.run('mona GET /user', task), flight.run('mona GET /user', task)];
    release(42);
    expect(await Promise.all(answers)).toEqual([42, 42, 42]);
    expect(calls).toBe(1);
    expect(flight.size).toBe(0);
  });

  it('asks afresh once the answer is in, and keeps different keys (users, resources) apart', async () => {
    const flight = new SingleFlight<string>();
    let calls = 0;
    const task = (value: string) => async () => {
      calls++;
      return value;
    };
    expect(await flight.run('a', task('first'))).toBe('first');
    expect(await flight.run('a', task('second'))).toBe('second');
    expect(await Promise.all([flight.run('mona', task('m')), flight.run('hubot', task('h'))])).toEqual(['m', 'h']);
    expect(calls).toBe(4);
  });

  it('shares a failure too, and forgets it', async () => {
    const flight = new SingleFlight<string>();
    const failing = () => Promise.reject(new Error('GitHub is down'));
    await expect(Promise.all([flight.run('k', failing), flight.run('k', failing)])).rejects.toThrow('GitHub is down');
    expect(await flight.run('k', async () => 'back')).toBe('back');
  });
});
