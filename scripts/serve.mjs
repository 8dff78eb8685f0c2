// Serves the production build (dist/) on localhost with the same security headers as the
// dev server (cross-origin isolation for the worker's cancel flag, strict CSP), and prints the URL.
// Plain Node: no dependency, nothing leaves the machine.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SECURITY_HEADERS } from './securityHeaders.mjs';

const root = resolve(fileURLToPath(new URL('../dist', import.meta.url)));
const host = process.env.HOST ?? '127.0.0.1';
const firstPort = Number(process.env.PORT ?? 4173);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

if (!existsSync(join(root, 'index.html'))) {
  console.error('dist/index.html is missing: run `npm run build` first (npm start does it for you).');
  process.exit(1);
}

function fileFor(urlPath) {
  const path = normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^([/\\])+/, '');
  const full = resolve(root, path);
  if (full !== root && !full.startsWith(root + sep)) return null; // no escaping dist/ (not even into a sibling like dist2/)
  if (existsSync(full) && statSync(full).isFile()) return full;
  return join(root, 'index.html'); // single-page app
}

const server = createServer((req, res) => {
  const file = fileFor(req.url ?? '/');
  if (file === null) {
    res.writeHead(403).end();
    return;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const cache = file.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': cache });
  createReadStream(file).pipe(res);
});

function listen(port, attemptsLeft) {
  server.once('error', (err) => {
    if (err.code === 'EADDRINUSE' && attemptsLeft > 0) listen(port + 1, attemptsLeft - 1);
    else {
      console.error(err.message);
      process.exit(1);
    }
  });
  server.listen(port, host, () => {
    console.log(`\n  ACR Log Explorer is running at  http://${host === '127.0.0.1' ? 'localhost' : host}:${port}/\n`);
    console.log('  Press Ctrl+C to stop.\n');
  });
}

listen(firstPort, 10);
