/**
 * Punycode (RFC 3492) and the label-by-label IDNA form of domain names, as Kusto's
 * punycode_* functions use them: basic (ASCII) code points keep their case, labels are
 * separated by '.', '。', '．' or '｡', and only labels with non-ASCII text get 'xn--'.
 */

/** True when every character of `text` is ASCII (code below 128). */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_CODE_POINT = 0x10ffff;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitChar(d: number): string {
  return String.fromCharCode(d < 26 ? 97 + d : 22 + d);
}

function digitOf(c: number): number {
  if (c >= 48 && c <= 57) return c - 22;
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 97;
  return BASE;
}

function threshold(k: number, bias: number): number {
  return k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
}

/** Punycode of `text` (without 'xn--'); null when it cannot be encoded. */
export function punycodeEncode(text: string): string | null {
  const points = [...text].map((c) => c.codePointAt(0)!);
  let out = points.filter((p) => p < 0x80).map((p) => String.fromCharCode(p)).join('');
  const basic = out.length;
  let handled = basic;
  if (basic > 0) out += '-';
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < points.length) {
    let m = MAX_CODE_POINT + 1;
    for (const p of points) if (p >= n && p < m) m = p;
    delta += (m - n) * (handled + 1);
    if (!Number.isSafeInteger(delta)) return null;
    n = m;
    for (const p of points) {
      if (p < n) delta++;
      if (p !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = threshold(k, bias);
        if (q < t) break;
        out += digitChar(t + ((q - t) % (BASE - t)));
        q = Math.floor((q - t) / (BASE - t));
      }
      out += digitChar(q);
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return out;
}

/** The text a punycode string (ASCII only, without 'xn--') stands for; null when it is invalid. */
export function punycodeDecode(input: string): string | null {
  if (!isAscii(input)) return null;
  const dash = input.lastIndexOf('-');
  const output: number[] = [];
  for (let i = 0; i < Math.max(0, dash); i++) output.push(input.charCodeAt(i));
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let at = dash > 0 ? dash + 1 : 0; at < input.length;) {
    const oldI = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (at >= input.length) return null;
      const digit = digitOf(input.charCodeAt(at++));
      if (digit >= BASE) return null;
      i += digit * w;
      const t = threshold(k, bias);
      if (digit < t) break;
      w *= BASE - t;
      if (!Number.isSafeInteger(i) || !Number.isSafeInteger(w)) return null;
    }
    bias = adapt(i - oldI, output.length + 1, oldI === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    if (n > MAX_CODE_POINT || (n >= 0xd800 && n <= 0xdfff)) return null;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

const LABEL_SEPARATORS = /[.\u3002\uff0e\uff61]/;
const ACE_PREFIX = 'xn--';

/** A domain name with every non-ASCII label as 'xn--' + punycode; null when a label fails. */
export function domainToPunycode(domain: string): string | null {
  const labels: string[] = [];
  for (const label of domain.split(LABEL_SEPARATORS)) {
    if (isAscii(label)) {
      labels.push(label);
      continue;
    }
    const encoded = punycodeEncode(label);
    if (encoded === null) return null;
    labels.push(ACE_PREFIX + encoded);
  }
  return labels.join('.');
}

/** A domain name with every 'xn--' label decoded; null when a label fails. */
export function domainFromPunycode(domain: string): string | null {
  const labels: string[] = [];
  for (const label of domain.split('.')) {
    if (!label.toLowerCase().startsWith(ACE_PREFIX)) {
      labels.push(label);
      continue;
    }
    const decoded = punycodeDecode(label.slice(ACE_PREFIX.length));
    if (decoded === null) return null;
    labels.push(decoded);
  }
  return labels.join('.');
}
