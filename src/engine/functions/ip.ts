/**
 * IPv4 / IPv6 functions: parse_ipv4, parse_ipv4_mask, format_ipv4, format_ipv4_mask,
 * ipv4_compare, ipv4_is_match, ipv4_is_in_range, ipv4_is_in_any_range, ipv4_is_private,
 * ipv4_netmask_suffix, parse_ipv6, parse_ipv6_mask, ipv6_compare, ipv6_is_match, ipv6_is_in_range.
 * Text that is not an address gives null (bool/long results) or the empty string (text results).
 */
import type { DynamicValue } from '../table/column';
import type { Ipv4, Ipv6 } from '../types/ipAddress';
import {
  formatIpv4, formatIpv6, isPrivateIpv4, maskIpv4, maskIpv6, parseIpv4, parseIpv6,
} from '../types/ipAddress';
import type { ScalarKernel } from './kernel';
import type { Scalar } from './vector';
import { mapValues } from './vector';
import { asText } from './textVector';
import { mapDynamic } from './dynamicAccess';

function ipv4Of(v: Scalar): Ipv4 | null {
  if (typeof v === 'string') return parseIpv4(v);
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff) return { value: v, prefix: 32 };
  return null;
}

function prefixArg(v: Scalar | undefined, max: number): number | null {
  if (v === undefined) return max;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) return null;
  return v;
}

/** Kernel over (address, address[, prefix]) comparing both masked to the smallest prefix. */
function compareKernel<T extends Ipv4 | Ipv6>(
  parse: (v: Scalar) => T | null, max: number, mask: (ip: T, prefix: number) => number | bigint,
  result: (order: number) => Scalar,
): ScalarKernel {
  return (args, call, ctx) =>
    mapValues(args.map((a, i) => (i < 2 ? asText(a, ctx) : a)), call.type, ctx, ([a, b, p]) => {
      const x = parse(a);
      const y = parse(b);
      const extra = prefixArg(p, max);
      if (x === null || y === null || extra === null) return null;
      // ipv6_*: when both sides are IPv4 text, the extra prefix counts IPv4 bits (docs: ipv6-compare-function).
      const bothV4 = max === 128 && isV4Text(a) && isV4Text(b);
      const prefix = Math.min(x.prefix, y.prefix, bothV4 ? Math.min(128, extra + 96) : extra);
      const mx = mask(x, prefix);
      const my = mask(y, prefix);
      return result(mx < my ? -1 : mx > my ? 1 : 0);
    });
}

function isV4Text(v: Scalar): boolean {
  return typeof v === 'string' && parseIpv4(v) !== null;
}

const ipv4Mask = (ip: Ipv4, prefix: number): number => maskIpv4(ip.value, prefix);
const ipv6Mask = (ip: Ipv6, prefix: number): bigint => maskIpv6(ip.value, prefix);

/** Is `ip` inside `range` (both IPv4 text with optional prefixes)? */
function inRange4(ip: Ipv4, range: Ipv4): boolean {
  return maskIpv4(ip.value, range.prefix) === maskIpv4(range.value, range.prefix);
}

function formatKernel(withMask: boolean): ScalarKernel {
  return (args, call, ctx) =>
    mapValues(args, call.type, ctx, ([a, p]) => {
      const ip = ipv4Of(a);
      const extra = prefixArg(p ?? undefined, 32);
      if (ip === null || extra === null || (p === null && args.length > 1)) return '';
      const prefix = Math.min(ip.prefix, extra);
      const text = formatIpv4(maskIpv4(ip.value, prefix));
      return withMask ? `${text}/${prefix}` : text;
    }, false);
}

/** IP address functions by Kusto name. */
export const IP_FUNCTIONS: Record<string, ScalarKernel> = {
  parse_ipv4: (args, call, ctx) =>
    mapValues([asText(args[0], ctx)], call.type, ctx, ([s]) => {
      const ip = ipv4Of(s);
      return ip === null ? null : maskIpv4(ip.value, ip.prefix);
    }),
  parse_ipv4_mask: (args, call, ctx) =>
    mapValues([asText(args[0], ctx), args[1]], call.type, ctx, ([s, p]) => {
      const ip = ipv4Of(s);
      const prefix = prefixArg(p, 32);
      return ip === null || prefix === null ? null : maskIpv4(ip.value, Math.min(ip.prefix, prefix));
    }),
  format_ipv4: formatKernel(false),
  format_ipv4_mask: formatKernel(true),
  ipv4_compare: compareKernel(ipv4Of, 32, ipv4Mask, (order) => order),
  ipv4_is_match: compareKernel(ipv4Of, 32, ipv4Mask, (order) => order === 0),
  ipv4_is_in_range: (args, call, ctx) =>
    mapValues(args.map((a) => asText(a, ctx)), call.type, ctx, ([a, r]) => {
      const ip = ipv4Of(a);
      const range = ipv4Of(r);
      return ip === null || range === null ? null : inRange4(ip, range);
    }),
  ipv4_is_in_any_range: (args, call, ctx) =>
    mapDynamic(args, call.type, ctx, ([a, ...rest]) => {
      const ip = typeof a === 'string' ? parseIpv4(a) : null;
      if (ip === null) return null;
      const ranges: DynamicValue[] = rest.length === 1 && Array.isArray(rest[0]) ? rest[0] : rest;
      let sawValid = false;
      for (const r of ranges) {
        const range = typeof r === 'string' ? parseIpv4(r) : null;
        if (range === null) continue;
        sawValid = true;
        if (inRange4(ip, range)) return true;
      }
      return sawValid ? false : null;
    }),
  ipv4_is_private: (args, call, ctx) =>
    mapValues([asText(args[0], ctx)], call.type, ctx, ([s]) => {
      const ip = ipv4Of(s);
      return ip === null ? null : isPrivateIpv4(ip);
    }),
  ipv4_netmask_suffix: (args, call, ctx) =>
    mapValues([asText(args[0], ctx)], call.type, ctx, ([s]) => ipv4Of(s)?.prefix ?? null),
  parse_ipv6: (args, call, ctx) =>
    mapValues([asText(args[0], ctx)], call.type, ctx, ([s]) => {
      const ip = typeof s === 'string' ? parseIpv6(s) : null;
      return ip === null ? '' : formatIpv6(maskIpv6(ip.value, ip.prefix));
    }),
  parse_ipv6_mask: (args, call, ctx) =>
    mapValues([asText(args[0], ctx), args[1]], call.type, ctx, ([s, p]) => {
      const ip = typeof s === 'string' ? parseIpv6(s) : null;
      const extra = prefixArg(p, 128);
      if (ip === null || extra === null) return '';
      // The prefix argument counts IPv6 bits even for IPv4 text (docs: parse-ipv6-mask-function,
      // `'192.168.255.255', 120` keeps 120 bits); only a prefix written in IPv4 text counts IPv4 bits.
      return formatIpv6(maskIpv6(ip.value, Math.min(ip.prefix, extra)));
    }),
  ipv6_compare: compareKernel((v) => (typeof v === 'string' ? parseIpv6(v) : null), 128, ipv6Mask, (order) => order),
  ipv6_is_match: compareKernel((v) => (typeof v === 'string' ? parseIpv6(v) : null), 128, ipv6Mask, (order) => order === 0),
  ipv6_is_in_range: (args, call, ctx) =>
    mapValues(args.map((a) => asText(a, ctx)), call.type, ctx, ([a, r]) => {
      const ip = typeof a === 'string' ? parseIpv6(a) : null;
      const range = typeof r === 'string' ? parseIpv6(r) : null;
      if (ip === null || range === null) return null;
      return maskIpv6(ip.value, range.prefix) === maskIpv6(range.value, range.prefix);
    }),
};
