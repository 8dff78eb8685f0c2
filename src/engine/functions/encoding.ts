/**
 * URL, base64 and hash functions: url_encode, url_encode_component, url_decode, parse_url,
 * parse_urlquery, base64_encode_tostring, base64_decode_tostring, base64_decode_toarray,
 * base64_encode_fromarray, base64_encode_fromguid, base64_decode_toguid, hash_md5, hash_sha1,
 * hash_sha256. Text is UTF-8; hashes read the value's `tostring` text.
 */
import type { Column, DynamicValue } from '../table/column';
import { md5Hex, sha1Hex, sha256Hex, utf8Bytes } from '../types/digest';
import type { ScalarKernel } from './kernel';
import type { Scalar } from './vector';
import { isNullAt, mapValues } from './vector';
import { asText } from './textVector';
import { mapDynamic } from './dynamicAccess';

function str(v: Scalar): string {
  return typeof v === 'string' ? v : '';
}

const URL_SAFE = /[A-Za-z0-9\-_.!*()]/;

/** .NET's `HttpUtility.UrlEncode`: unreserved characters kept, others as lower-case `%xx` UTF-8 bytes. */
export function urlEncode(text: string, spaceAsPlus: boolean): string {
  let out = '';
  for (const ch of text) {
    if (URL_SAFE.test(ch)) out += ch;
    else if (ch === ' ') out += spaceAsPlus ? '+' : '%20';
    else for (const b of utf8Bytes(ch)) out += `%${b.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** `url_decode`: `+` is a space and `%xx` runs are UTF-8 bytes; malformed escapes stay as written. */
export function urlDecode(text: string): string {
  return text.replace(/\+/g, ' ').replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** Query parameters (`k1=v1&k2=v2`, leading `?` ignored) as a bag of decoded values; a later key wins. */
export function parseQuery(query: string): { [key: string]: DynamicValue } {
  const out: { [key: string]: DynamicValue } = {};
  const text = query.startsWith('?') ? query.slice(1) : query;
  if (text === '') return out;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = urlDecode(eq < 0 ? part : part.slice(0, eq));
    out[key] = eq < 0 ? '' : urlDecode(part.slice(eq + 1));
  }
  return out;
}

const URL_RE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:([^:@/?#]*)(?::([^@/?#]*))?@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;

/** `parse_url(url)`: scheme, host, port, path, user, password, query parameters and fragment; empty parts are "". */
export function parseUrl(url: string): { [key: string]: DynamicValue } {
  const m = URL_RE.exec(url);
  if (m === null) {
    return { Scheme: '', Host: '', Port: '', Path: '', Username: '', Password: '', 'Query Parameters': {}, Fragment: '' };
  }
  return {
    Scheme: m[1], Host: m[4], Port: m[5] ?? '', Path: m[6], Username: m[2] ?? '', Password: m[3] ?? '',
    'Query Parameters': parseQuery(m[7] ?? ''), Fragment: m[8] ?? '',
  };
}

const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Bytes of a base64 text, or null when it is not valid base64. */
export function base64Bytes(text: string): Uint8Array | null {
  const t = text.trim();
  if (!BASE64_RE.test(t)) return null;
  const binary = atob(t);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Base64 text of bytes. */
export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 text of bytes, or null when they are not valid UTF-8. */
function utf8Text(bytes: Uint8Array): string | null {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** A guid's 16 bytes in .NET's `Guid.ToByteArray` order (first three groups little-endian). */
export function guidBytes(guid: string): Uint8Array | null {
  const hex = guid.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) return null;
  const raw = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
  const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  return Uint8Array.from(order.map((i) => raw[i]));
}

/** The guid text of 16 bytes in .NET order (inverse of `guidBytes`). */
export function guidOfBytes(bytes: Uint8Array): string | null {
  if (bytes.length !== 16) return null;
  const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  const hex = order.map((i) => bytes[i].toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function textKernel(fn: (s: string) => Scalar): ScalarKernel {
  return (args, call, ctx) => mapValues([asText(args[0], ctx)], call.type, ctx, ([s]) => fn(str(s)));
}

/** A hash of the value's text; a null value gives the empty string. */
function hashKernel(digest: (bytes: Uint8Array) => string): ScalarKernel {
  return (args, call, ctx) => {
    const source: Column = args[0];
    const text = asText(source, ctx);
    const hashed = mapValues([text], call.type, ctx, ([s]) => digest(utf8Bytes(str(s))));
    if (source.kind === 'string' || !Array.from({ length: source.length }, (_, i) => isNullAt(source, i)).some(Boolean)) return hashed;
    return mapValues([source, hashed], call.type, ctx, ([v, h]) => (v === null ? '' : h), false);
  };
}

/** URL, base64 and hash functions by Kusto name. */
export const ENCODING_FUNCTIONS: Record<string, ScalarKernel> = {
  url_encode: textKernel((s) => urlEncode(s, true)),
  url_encode_component: textKernel((s) => urlEncode(s, false)),
  url_decode: textKernel(urlDecode),
  parse_url: textKernel(parseUrl),
  parseurl: textKernel(parseUrl),
  parse_urlquery: textKernel((s) => ({ 'Query Parameters': parseQuery(s) })),
  parseurlquery: textKernel((s) => ({ 'Query Parameters': parseQuery(s) })),
  base64_encode_tostring: textKernel((s) => base64Of(utf8Bytes(s))),
  base64_encodestring: textKernel((s) => base64Of(utf8Bytes(s))),
  base64_decode_tostring: textKernel((s) => {
    const bytes = base64Bytes(s);
    return bytes === null ? '' : (utf8Text(bytes) ?? '');
  }),
  base64_decodestring: textKernel((s) => {
    const bytes = base64Bytes(s);
    return bytes === null ? '' : (utf8Text(bytes) ?? '');
  }),
  base64_decode_toarray: textKernel((s) => {
    const bytes = base64Bytes(s);
    return bytes === null ? null : Array.from(bytes);
  }),
  base64_encode_fromarray: (args, call, ctx) =>
    mapDynamic(args, call.type, ctx, ([a]) => {
      if (!Array.isArray(a) || a.some((b) => typeof b !== 'number' || !Number.isInteger(b) || b < 0 || b > 255)) return '';
      return base64Of(Uint8Array.from(a as number[]));
    }),
  base64_encode_fromguid: (args, call, ctx) =>
    mapValues(args, call.type, ctx, ([g]) => {
      const bytes = typeof g === 'string' ? guidBytes(g) : null;
      return bytes === null ? '' : base64Of(bytes);
    }),
  base64_decode_toguid: textKernel((s) => {
    const bytes = base64Bytes(s);
    return bytes === null ? null : guidOfBytes(bytes);
  }),
  hash_md5: hashKernel(md5Hex),
  hash_sha1: hashKernel(sha1Hex),
  hash_sha256: hashKernel(sha256Hex),
};
