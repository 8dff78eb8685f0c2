/**
 * IPv4 text search and range helpers: has_ipv4, has_ipv4_prefix, has_any_ipv4,
 * has_any_ipv4_prefix (addresses must stand as whole tokens: not glued to letters, digits or
 * further dotted numbers), ipv6_is_in_any_range and ipv4_range_to_cidr_list.
 */
import type { DynamicValue } from '../table/column';
import { formatIpv4, maskIpv6, parseIpv4, parseIpv6 } from '../types/ipAddress';
import type { ScalarKernel } from './kernel';
import type { Scalar } from './vector';
import { mapValues } from './vector';
import { asText } from './textVector';
import { mapDynamic } from './dynamicAccess';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_RE = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const IPV4_PREFIX_RE = new RegExp(`^(?:${OCTET}\\.){1,3}$`);
/** Dotted-number tokens: not preceded or followed by a letter, digit or another dotted part. */
const TOKEN_RE = /(?<![A-Za-z0-9]|[0-9]\.)[0-9]+(?:\.[0-9]+)*(?![A-Za-z0-9]|\.[0-9])/g;

/** The valid IPv4 addresses that appear as whole tokens in `text`. */
export function ipv4TokensOf(text: string): string[] {
  return (text.match(TOKEN_RE) ?? []).filter((t) => IPV4_RE.test(t));
}

/** True when `prefix` is a complete IPv4 address or one to three octets ending with a dot. */
export function isIpv4Prefix(prefix: string): boolean {
  return IPV4_RE.test(prefix) || IPV4_PREFIX_RE.test(prefix);
}

/** Does an address of `tokens` equal one of `ips` (invalid ones ignored)? */
function hasAnyIpv4(tokens: readonly string[], ips: readonly string[]): boolean {
  const wanted = ips.filter((ip) => IPV4_RE.test(ip));
  return wanted.some((ip) => tokens.includes(ip));
}

/** Does an address of `tokens` start with one of `prefixes` (a complete address must be equal)? */
function hasAnyIpv4Prefix(tokens: readonly string[], prefixes: readonly string[]): boolean {
  const wanted = prefixes.filter(isIpv4Prefix);
  return wanted.some((p) => tokens.some((t) => (p.endsWith('.') ? t.startsWith(p) : t === p)));
}

/** The search terms of the variadic forms: strings, and the strings inside dynamic arrays. */
function termsOf(values: readonly DynamicValue[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) for (const item of v) if (typeof item === 'string') out.push(item);
  }
  return out;
}

function searchKernel(test: (tokens: readonly string[], terms: readonly string[]) => boolean): ScalarKernel {
  return (args, call, ctx) =>
    mapDynamic([asText(args[0], ctx), ...args.slice(1)], call.type, ctx, ([source, ...rest]) =>
      test(ipv4TokensOf(typeof source === 'string' ? source : ''), termsOf(rest)));
}

/** `ipv4_range_to_cidr_list(start, end)`: the fewest CIDR blocks covering start..end; null for invalid input. */
export function ipv4RangeToCidrs(start: string, end: string): string[] | null {
  if (!IPV4_RE.test(start) || !IPV4_RE.test(end)) return null;
  let from = parseIpv4(start)!.value;
  const to = parseIpv4(end)!.value;
  const out: string[] = [];
  while (from <= to) {
    let size = 32;
    // Grow the block while it stays aligned on `from` and inside the range.
    while (size > 0) {
      const block = 2 ** (32 - (size - 1));
      if (from % block !== 0 || from + block - 1 > to) break;
      size--;
    }
    out.push(`${formatIpv4(from)}/${size}`);
    from += 2 ** (32 - size);
  }
  return out;
}

const ipv6Of = (v: Scalar): ReturnType<typeof parseIpv6> => (typeof v === 'string' ? parseIpv6(v) : null);

/** IPv4 text search and range functions by Kusto name. */
export const IP_TEXT_FUNCTIONS: Record<string, ScalarKernel> = {
  has_ipv4: searchKernel(hasAnyIpv4),
  has_any_ipv4: searchKernel(hasAnyIpv4),
  has_ipv4_prefix: searchKernel(hasAnyIpv4Prefix),
  has_any_ipv4_prefix: searchKernel(hasAnyIpv4Prefix),
  ipv6_is_in_any_range: (args, call, ctx) =>
    mapDynamic(args, call.type, ctx, ([a, ...rest]) => {
      const ip = ipv6Of(a);
      if (ip === null) return null;
      const ranges: DynamicValue[] = rest.length === 1 && Array.isArray(rest[0]) ? rest[0] : rest;
      let sawValid = false;
      for (const r of ranges) {
        const range = ipv6Of(r);
        if (range === null) continue;
        sawValid = true;
        if (maskIpv6(ip.value, range.prefix) === maskIpv6(range.value, range.prefix)) return true;
      }
      return sawValid ? false : null;
    }),
  ipv4_range_to_cidr_list: (args, call, ctx) =>
    mapValues(args.map((a) => asText(a, ctx)), call.type, ctx, ([s, e]) =>
      ipv4RangeToCidrs(typeof s === 'string' ? s.trim() : '', typeof e === 'string' ? e.trim() : '')),
};
