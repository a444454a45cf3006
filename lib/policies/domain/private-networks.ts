/**
 * Addresses a webhook must never reach unless the operator allows it: loopback, private and
 * link-local networks (cloud metadata lives at 169.254.169.254), shared and reserved space. One
 * table, from IANA's special-purpose address registries (RFC 6890 and the RFCs named per row); the
 * server's guard builds a Node `net.BlockList` from it (`lib/policies/address-guard.server.ts`),
 * and the form's syntax check below reads IP literals in a URL against the same rows.
 */

export interface SpecialNetwork {
  family: 'ipv4' | 'ipv6';
  address: string;
  prefix: number;
  /** What it is, as a person reads it after "points to". */
  what: string;
}

const v4 = (cidr: string, what: string): SpecialNetwork => {
  const [address, prefix] = cidr.split('/') as [string, string];
  return { family: 'ipv4', address, prefix: Number(prefix), what };
};
const v6 = (cidr: string, what: string): SpecialNetwork => {
  const slash = cidr.lastIndexOf('/');
  return { family: 'ipv6', address: cidr.slice(0, slash), prefix: Number(cidr.slice(slash + 1)), what };
};

export const SPECIAL_NETWORKS: readonly SpecialNetwork[] = [
  v4('0.0.0.0/8', '“this network” (0.0.0.0/8, RFC 1122)'),
  v4('10.0.0.0/8', 'a private network (10.0.0.0/8, RFC 1918)'),
  v4('100.64.0.0/10', 'carrier-grade NAT space (100.64.0.0/10, RFC 6598)'),
  v4('127.0.0.0/8', 'loopback (127.0.0.0/8, RFC 1122)'),
  v4('169.254.0.0/16', 'link-local space, where cloud metadata lives (169.254.0.0/16, RFC 3927)'),
  v4('172.16.0.0/12', 'a private network (172.16.0.0/12, RFC 1918)'),
  v4('192.0.0.0/24', 'IETF protocol assignments (192.0.0.0/24, RFC 6890)'),
  v4('192.0.2.0/24', 'documentation space (192.0.2.0/24, RFC 5737)'),
  v4('192.88.99.0/24', '6to4 relay anycast (192.88.99.0/24, RFC 7526)'),
  v4('192.168.0.0/16', 'a private network (192.168.0.0/16, RFC 1918)'),
  v4('198.18.0.0/15', 'benchmarking space (198.18.0.0/15, RFC 2544)'),
  v4('198.51.100.0/24', 'documentation space (198.51.100.0/24, RFC 5737)'),
  v4('203.0.113.0/24', 'documentation space (203.0.113.0/24, RFC 5737)'),
  v4('224.0.0.0/4', 'multicast (224.0.0.0/4, RFC 5771)'),
  v4('240.0.0.0/4', 'reserved space and broadcast (240.0.0.0/4, RFC 1112)'),
  v6('::/128', 'the unspecified address (::, RFC 4291)'),
  v6('::1/128', 'loopback (::1, RFC 4291)'),
  // IPv4-compatible (deprecated, RFC 4291 §2.5.5.1). IPv4-mapped ::ffff:0:0/96 is not a row: a
  // mapped address is judged as the IPv4 address it carries (BlockList does the same).
  v6('::/96', 'an IPv4-compatible address (::/96, RFC 4291)'),
  v6('64:ff9b::/96', 'NAT64, which may carry any IPv4 address (64:ff9b::/96, RFC 6052)'),
  v6('64:ff9b:1::/48', 'local-use NAT64 (64:ff9b:1::/48, RFC 8215)'),
  v6('100::/64', 'discard-only space (100::/64, RFC 6666)'),
  v6('2001::/23', 'IETF protocol assignments, Teredo included (2001::/23, RFC 2928)'),
  v6('2001:db8::/32', 'documentation space (2001:db8::/32, RFC 3849)'),
  v6('2002::/16', '6to4, which may carry any IPv4 address (2002::/16, RFC 3056)'),
  v6('fc00::/7', 'a unique local (private) network (fc00::/7, RFC 4193)'),
  v6('fe80::/10', 'link-local space (fe80::/10, RFC 4291)'),
  v6('fec0::/10', 'site-local space (fec0::/10, RFC 3879)'),
  v6('ff00::/8', 'multicast (ff00::/8, RFC 4291)'),
];

type ParsedIp = { family: 'ipv4'; value: bigint } | { family: 'ipv6'; value: bigint };

function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    value = value * 256n + BigInt(part);
  }
  return value;
}

function parseHextets(groups: string[], allowTrailingIpv4: boolean): number[] | null {
  const out: number[] = [];
  for (const [index, group] of groups.entries()) {
    if (group.includes('.')) {
      const ipv4 = allowTrailingIpv4 && index === groups.length - 1 ? parseIpv4(group) : null;
      if (ipv4 === null) return null;
      out.push(Number(ipv4 >> 16n), Number(ipv4 & 0xffffn));
    } else if (/^[0-9a-f]{1,4}$/i.test(group)) out.push(parseInt(group, 16));
    else return null;
  }
  return out;
}

function parseIpv6(text: string): bigint | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const split = (part: string) => (part === '' ? [] : part.split(':'));
  const head = parseHextets(split(halves[0]!), halves.length === 1);
  const tail = halves.length === 2 ? parseHextets(split(halves[1]!), true) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  return [...head, ...Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...tail].reduce(
    (value, hextet) => (value << 16n) | BigInt(hextet),
    0n,
  );
}

/** An IP address as written in a URL (`127.0.0.1`, `[::1]`) or by DNS, or null when it is not one. */
export function parseIp(text: string): ParsedIp | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const ipv4 = parseIpv4(bare);
  if (ipv4 !== null) return { family: 'ipv4', value: ipv4 };
  const ipv6 = bare.includes(':') ? parseIpv6(bare) : null;
  return ipv6 === null ? null : { family: 'ipv6', value: ipv6 };
}

/** ::ffff:0:0/96: the top 96 bits of an IPv4-mapped address. */
const MAPPED_PREFIX = 0xffffn;
const ROWS = SPECIAL_NETWORKS.map((row) => ({ ...row, bits: row.family === 'ipv4' ? 32 : 128, value: parseIp(row.address)!.value }));

/**
 * The special network an IP literal lies in, or null for a public address. An IPv4-mapped IPv6
 * address (`::ffff:127.0.0.1`) is judged as the IPv4 address it carries. For the form's syntax
 * check; the server's guard is Node's BlockList over the same table.
 */
export function specialNetworkOf(address: string): SpecialNetwork | null {
  let ip = parseIp(address);
  if (!ip) return null;
  if (ip.family === 'ipv6' && ip.value >> 32n === MAPPED_PREFIX) ip = { family: 'ipv4', value: ip.value & 0xffffffffn };
  const { family, value } = ip;
  return (
    ROWS.find((row) => row.family === family && value >> BigInt(row.bits - row.prefix) === row.value >> BigInt(row.bits - row.prefix)) ??
    null
  );
}

/**
 * Host names that lead into the local network whatever DNS says: RFC 6761 (`localhost`), RFC 6762
 * (`.local`, multicast DNS), RFC 8375 (`.home.arpa`), ICANN's private-use `.internal` (2024), and
 * single-label names (`https://jenkins/`), which only a local resolver answers.
 */
function localHostName(hostname: string): string | null {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return 'loopback (localhost)';
  if (name.endsWith('.local')) return 'the local network (.local)';
  if (name.endsWith('.home.arpa')) return 'a home network (.home.arpa)';
  if (name === 'internal' || name.endsWith('.internal')) return 'a private network (.internal)';
  if (!name.includes('.')) return `the local network (“${name}” has no domain)`;
  return null;
}

/**
 * What is wrong with a webhook URL, from its text alone, or null. Private and loopback hosts are
 * refused unless `allowPrivate` (HANGAR_WEBHOOK_ALLOW_PRIVATE=1).
 */
export function webhookUrlProblem(text: string, { allowPrivate = false }: { allowPrivate?: boolean } = {}): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Not a URL';
  }
  if (url.protocol !== 'https:') return 'Must start with https://';
  if (url.username || url.password) return 'Must not contain a user name or password';
  if (allowPrivate) return null;
  // The URL parser has already written IP literals canonically (0x7f.1 is 127.0.0.1).
  const network = specialNetworkOf(url.hostname);
  if (network) return `Points to ${network.what}; webhooks go to public addresses only`;
  if (parseIp(url.hostname)) return null;
  const local = localHostName(url.hostname);
  return local ? `Points to ${local}; webhooks go to public addresses only` : null;
}
