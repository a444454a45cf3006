import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CompressedBodies } from './compressed-bodies';

const json = (n: number) => JSON.stringify({ items: Array.from({ length: n }, (_, i) => ({ id: i, name: `codespace-${i}` })) });

describe('gzipped copies of repeated bodies', () => {
  it('compresses a body once, in the background, and gives the same bytes back each time', async () => {
    const bodies = new CompressedBodies();
    const body = json(200);
    expect(bodies.get('k')).toBeUndefined();
    await bodies.prepare('k', body);
    const compressed = bodies.get('k')!;
    expect(gunzipSync(compressed).toString()).toBe(body);
    expect(compressed.length).toBeLessThan(body.length / 3);
    await bodies.prepare('k', body);
    expect(bodies.get('k')).toBe(compressed);
  });

  it('leaves small bodies alone', async () => {
    const bodies = new CompressedBodies();
    await bodies.prepare('small', '{"login":"mona"}');
    expect(bodies.get('small')).toBeUndefined();
  });

  it('stays under its byte cap, dropping the least recently used', async () => {
    const one = (await (async () => {
      const probe = new CompressedBodies();
      await probe.prepare('p', json(300));
      return probe.storedBytes;
    })());
    const bodies = new CompressedBodies(one * 8 * 3);
    for (const key of ['a', 'b', 'c']) await bodies.prepare(key, json(300));
    bodies.get('a');
    for (let i = 0; i < 22; i++) await bodies.prepare(`x${i}`, json(300));
    expect(bodies.storedBytes).toBeLessThanOrEqual(one * 8 * 3);
    expect(bodies.get('b')).toBeUndefined();
  });
});
