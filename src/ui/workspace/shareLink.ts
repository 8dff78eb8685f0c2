/**
 * Share links: the query text, compressed ('deflate-raw') and base64url-encoded, in the URL
 * fragment `#q=...`. Fragments never reach a server, so the query (never data or results)
 * stays in the browser, and a long query still works (browsers accept fragments far longer
 * than the ~8 KB servers accept for a request line).
 */

/** The fragment parameter holding the query. */
export const SHARE_PARAM = 'q';

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  // Why a Blob: it gives a ReadableStream of the bytes in every browser and in Node 20.
  const output = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The query text as a fragment value (UTF-8, deflate-raw, base64url). */
export async function encodeQuery(text: string): Promise<string> {
  const compressed = await transform(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  return toBase64Url(compressed);
}

/** The query text of a fragment value; rejects when it is not one `encodeQuery` made. */
export async function decodeQuery(value: string): Promise<string> {
  const bytes = await transform(fromBase64Url(value), new DecompressionStream('deflate-raw'));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The encoded query of a location hash (`#q=...`), or null when it has none. */
export function sharedQueryParam(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  return params.get(SHARE_PARAM);
}

/** The link that opens `text`: this page's address (with its search, e.g. `?rows=`) and `#q=`. */
export async function shareUrl(page: { readonly origin: string; readonly pathname: string; readonly search: string }, text: string): Promise<string> {
  return `${page.origin}${page.pathname}${page.search}#${SHARE_PARAM}=${await encodeQuery(text)}`;
}
