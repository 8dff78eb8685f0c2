/**
 * HTTP response headers shared by the Vite dev/preview servers (`vite.config.ts`) and the
 * production server (`scripts/serve.mjs`).
 *
 * - COOP + COEP make the page cross-origin isolated, which is what lets the data worker
 *   share a `SharedArrayBuffer` cancel flag with the page.
 * - The CSP keeps every request on the page's own origin (no byte of a user's logs leaves
 *   the page). Monaco needs `'unsafe-inline'` styles (it sets inline style attributes and
 *   injects <style> elements at runtime); it works without `'unsafe-eval'`. Workers are
 *   same-origin module scripts; `blob:` is allowed for bundler-made worker wrappers.
 *   Fonts: Monaco's codicon font is bundled and served from 'self' (or inlined as data:).
 */

/** Content-Security-Policy for the built page (and the dev server). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers for every response of the built app (production and `vite preview`). */
export const SECURITY_HEADERS = Object.freeze({
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
});

/**
 * Headers for the Vite dev server: the same isolation headers, but no CSP, because Vite's
 * dev client and React Fast Refresh inject inline scripts and open a WebSocket for HMR.
 */
export const DEV_SERVER_HEADERS = Object.freeze({
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
});
