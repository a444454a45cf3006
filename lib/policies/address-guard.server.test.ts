import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressVerdict } from './address-guard.server';
import { SPECIAL_NETWORKS, parseIp, specialNetworkOf } from './domain/private-networks';

const ipv4Text = (value: bigint) => [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
const ipv6Text = (value: bigint) => Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(':');

/** Addresses in, at the edges of and just outside every special network, plus random ones and IPv4-mapped forms. */
const addresses = fc.oneof(
  fc.ipV4(),
  fc.ipV6(),
  fc.ipV4().map((v4) => `::ffff:${v4}`),
  fc.constantFrom(...SPECIAL_NETWORKS).chain((network) => {
    const bits = network.family === 'ipv4' ? 32 : 128;
    const base = parseIp(network.address)!.value;
    const size = 1n << BigInt(bits - network.prefix);
    const max = (1n << BigInt(bits)) - 1n;
    return fc.bigInt({ min: -2n, max: size + 1n }).map((offset) => {
      const value = base + offset < 0n ? 0n : base + offset > max ? max : base + offset;
      return network.family === 'ipv4' ? ipv4Text(value) : ipv6Text(value);
    });
  }),
);

describe('the server’s address guard (Node’s BlockList)', () => {
  it('agrees with the form’s syntax check on every address, in and around every special network', () => {
    fc.assert(
      fc.property(addresses, (address) => {
        const verdict = addressVerdict(address);
        const network = specialNetworkOf(address);
        expect(verdict.allowed ? null : verdict.why).toBe(network?.what ?? null);
      }),
      { numRuns: 3000 },
    );
  });

  it('allows public addresses and refuses what is not an address', () => {
    expect(addressVerdict('8.8.8.8')).toEqual({ allowed: true });
    expect(addressVerdict('2606:4700:4700::1111')).toEqual({ allowed: true });
    expect(addressVerdict('::ffff:8.8.8.8')).toEqual({ allowed: true });
    expect(addressVerdict('hooks.slack.com')).toEqual({ allowed: false, why: '“hooks.slack.com” is not an IP address' });
    expect(addressVerdict('fe80::1%eth0')).toMatchObject({ allowed: false });
  });
});
