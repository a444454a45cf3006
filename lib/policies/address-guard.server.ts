import 'server-only';
import { BlockList, isIP } from 'node:net';
import { SPECIAL_NETWORKS } from './domain/private-networks';

/**
 * Whether the server may connect to an address, judged by Node's own `net.BlockList` over the
 * special-purpose networks of `domain/private-networks.ts` (one list per row, so a refusal says
 * which network). An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) is judged as the IPv4
 * address it carries: BlockList does that itself.
 */

const LISTS = SPECIAL_NETWORKS.map((network) => {
  const list = new BlockList();
  list.addSubnet(network.address, network.prefix, network.family);
  return { network, list };
});

export type AddressVerdict = { allowed: true } | { allowed: false; why: string };

export function addressVerdict(address: string): AddressVerdict {
  const version = isIP(address);
  // Anything that is not a plain IP address (a zone id, a name) is not connected to.
  if (version === 0 || address.includes('%')) return { allowed: false, why: `“${address}” is not an IP address` };
  const family = version === 4 ? 'ipv4' : 'ipv6';
  for (const { network, list } of LISTS) if (list.check(address, family)) return { allowed: false, why: network.what };
  return { allowed: true };
}
