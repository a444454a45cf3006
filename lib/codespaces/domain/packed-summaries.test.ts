import { describe, expect, it } from 'vitest';
import { makeCodespace } from '@/lib/test/fixtures';
import { packSummaries, unpackSummaries } from './packed-summaries';
import { summarizeCodespace } from './summary';

const fleet = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    summarizeCodespace(
      makeCodespace({
        name: `fleet-space-${i}-jp6xq5g7hw5x`,
        display_name: i % 3 === 0 ? null : `Work ${i}`,
        repo: `octo-org/app-${i % 7}`,
        ...(i % 50 === 0 ? { pending_operation: true, pending_operation_disabled_reason: 'Moving to a new machine type.' } : {}),
        ...(i % 40 === 0 ? { last_known_stop_notice: 'Stopped: spending limit reached.' } : {}),
      }),
    ),
  );
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('a whole list packed for a first paint', () => {
  it('gives back the same summaries, in order, with what each one has and nothing it has not', () => {
    const summaries = fleet(300);
    const unpacked = unpackSummaries(json(packSummaries(summaries)) as ReturnType<typeof packSummaries>);
    expect(unpacked).toEqual(json(summaries));
    expect(unpacked.filter((c) => 'pending_operation' in c)).toHaveLength(6);
    expect(unpacked.filter((c) => 'last_known_stop_notice' in c)).toHaveLength(8);
    expect(unpacked.filter((c) => c.display_name === null)).toHaveLength(100);
  });

  it('is well under half the bytes of the summaries as objects', () => {
    const summaries = fleet(2000);
    expect(JSON.stringify(packSummaries(summaries)).length).toBeLessThan(JSON.stringify(summaries).length / 2);
  });

  it('packs an empty list', () => {
    expect(unpackSummaries(packSummaries([]))).toEqual([]);
  });
});
