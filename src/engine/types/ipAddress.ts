/**
 * IPv4 and IPv6 address text with optional IP-prefix (CIDR) notation, for the ipv4_* / ipv6_*
 * functions. IPv4 addresses are 32-bit numbers; IPv6 ones 128-bit BigInts, with IPv4 mapped
 * into `::ffff:a.b.c.d` (prefix + 96).
 */

/** An IPv4 address and its prefix length (32 when none was written). */
export interface Ipv4 {
  readonly value: number;
  readonly prefix: number;
}

/** An IPv6 address (IPv4 mapped) and its prefix length (128 when none was written). */
export interface Ipv6 {
  readonly value: bigint;
  readonly prefix: number;
}

const IPV4_RE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function splitPrefix(text: string, max: number): { address: string; prefix: number } | null {
  const t = text.trim();
  const slash = t.indexOf('/');
  if (slash < 0) return { address: t, prefix: max };
  const digits = t.slice(slash + 1).trim();
  if (!/^\d{1,3}$/.test(digits)) return null;
  const prefix = Number(digits);
  return prefix <= max ? { address: t.slice(0, slash).trim(), prefix } : null;
}

function ipv4Value(address: string): number | null {
  const m = IPV4_RE.exec(address);
  if (m === null) return null;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

/** Parses `a.b.c.d[/prefix]`; null when it is not an IPv4 address. */
export function parseIpv4(text: string): Ipv4 | null {
  const parts = splitPrefix(text, 32);
  if (parts === null) return null;
  const value = ipv4Value(parts.address);
  return value === null ? null : { value, prefix: parts.prefix };
}

/** The address with only its first `prefix` bits kept. */
export function maskIpv4(value: number, prefix: number): number {
  if (prefix <= 0) return 0;
  if (prefix >= 32) return value;
  const block = 2 ** (32 - prefix);
  return Math.floor(value / block) * block;
}

/** Dotted text of a 32-bit address. */
export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** True for the private ranges 10/8, 172.16/12 and 192.168/16. */
export function isPrivateIpv4(ip: Ipv4): boolean {
  const ranges: [number, number][] = [[0x0a000000, 8], [0xac100000, 12], [0xc0a80000, 16]];
  return ranges.some(([base, bits]) => ip.prefix >= bits && maskIpv4(ip.value, bits) === base);
}

const ALL_ONES_128 = (1n << 128n) - 1n;

/** Parses IPv6 text (`::`, embedded IPv4) or IPv4 text (mapped), with an optional prefix. */
export function parseIpv6(text: string): Ipv6 | null {
  const parts = splitPrefix(text, 128);
  if (parts === null) return null;
  // `::a.b.c.d` is read as the IPv4 address it embeds, mapped and with its prefix in IPv4 bits
  // (docs: parse-ipv6-mask-function, `'::192.168.255.255/24'` gives `...:ffff:c0a8:ff00`).
  const v4 = ipv4Value(parts.address.startsWith('::') ? parts.address.slice(2) : parts.address);
  if (v4 !== null) {
    if (parts.prefix > 32 && text.includes('/')) return null;
    const prefix = text.includes('/') ? parts.prefix + 96 : 128;
    return { value: (0xffffn << 32n) | BigInt(v4), prefix };
  }
  const value = ipv6Value(parts.address);
  return value === null ? null : { value, prefix: parts.prefix };
}

function ipv6Value(address: string): bigint | null {
  if (!/^[0-9A-Fa-f:.]+$/.test(address)) return null;
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const items = part.split(':');
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (i === items.length - 1 && item.includes('.')) {
        const v4 = ipv4Value(item);
        if (v4 === null) return null;
        out.push(Math.floor(v4 / 65536), v4 % 65536);
      } else {
        if (!/^[0-9A-Fa-f]{1,4}$/.test(item)) return null;
        out.push(parseInt(item, 16));
      }
    }
    return out;
  };
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** The address with only its first `prefix` bits kept. */
export function maskIpv6(value: bigint, prefix: number): bigint {
  if (prefix >= 128) return value;
  if (prefix <= 0) return 0n;
  const keep = ALL_ONES_128 ^ ((1n << BigInt(128 - prefix)) - 1n);
  return value & keep;
}

/** Canonical text: eight four-digit lower-case hex groups. */
export function formatIpv6(value: bigint): string {
  return value.toString(16).padStart(32, '0').match(/.{4}/g)!.join(':');
}
