#!/usr/bin/env node
// `npm run web`: builds the renderer for the browser (vite build with renderer.vite.ts into
// out/web) and serves out/web on 127.0.0.1 — port from --port or PORT, default 5173.
//
//   node scripts/web.mjs [--port 5173] [--no-build]
//
// The server is deliberately small: GET and HEAD only, files under out/web only (no
// directory listing, no path escaping the folder, symlinks resolved and checked), the
// right MIME types, and the page's Content-Security-Policy sent as a header as well.
// It answers only requests addressed to itself by a loopback name (Host 127.0.0.1:PORT,
// localhost:PORT, or [::1]:PORT when it listens there); any other Host gets 421, so a web
// page whose domain is re-pointed at 127.0.0.1 (DNS rebinding) cannot read the app.
// The end-to-end harness (tests/e2e/harness.ts) uses buildWeb() and serveWeb() from here.
import { createServer } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const webOutDir = join(repoRoot, 'out', 'web');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.mizan': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm'
};

/** Builds the renderer into out/web with the web configuration of renderer.vite.ts. */
export async function buildWeb({ quiet = false } = {}) {
  const { build } = await import('vite');
  await build({
    configFile: join(repoRoot, 'renderer.vite.ts'),
    logLevel: quiet ? 'warn' : 'info'
  });
}

/** The CSP of the built index.html (one source of truth: the page's own meta tag). */
export async function contentSecurityPolicy(root = webOutDir) {
  const html = await readFile(join(root, 'index.html'), 'utf8');
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!match) throw new Error(`${join(root, 'index.html')} has no Content-Security-Policy meta tag`);
  return match[1].replace(/\s+/g, ' ').trim();
}

/**
 * The Host header values a server listening on `host`:`port` answers to: the address it
 * listens on and `localhost`, with the port (a browser leaves the port out only for 80).
 * Compared in lower case (host names are case-insensitive).
 */
export function allowedHosts(host, port) {
  const names = new Set([host.includes(':') ? `[${host}]` : host, 'localhost']);
  const hosts = new Set();
  for (const name of names) {
    hosts.add(`${name}:${port}`.toLowerCase());
    if (port === 80) hosts.add(name.toLowerCase());
  }
  return hosts;
}

/**
 * Serves `root` on 127.0.0.1. Port 0 picks a free port.
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function serveWeb({ root = webOutDir, port = 5173, host = '127.0.0.1' } = {}) {
  const base = await realpath(root);
  const csp = await contentSecurityPolicy(base);
  const headers = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY'
  };

  // Set once the server listens (port 0 becomes a real port).
  let hosts = new Set();
  let baseUrl = '';
  const server = createServer(async (req, res) => {
    const send = (status, body, extra = {}) => {
      res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (!hosts.has((req.headers.host ?? '').toLowerCase())) {
        return send(421, `Misdirected request: Mizan answers only at ${baseUrl}\n`, { Connection: 'close' });
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed', { Allow: 'GET, HEAD' });
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        return send(400, 'Bad request');
      }
      if (path.includes('\0')) return send(400, 'Bad request');
      if (path === '/') path = '/index.html';
      const candidate = resolve(base, `.${path}`);
      if (candidate !== base && !candidate.startsWith(base + sep)) return send(404, 'Not found');
      let file;
      try {
        file = await realpath(candidate);
      } catch {
        return send(404, 'Not found');
      }
      if (!file.startsWith(base + sep)) return send(404, 'Not found');
      const info = await stat(file);
      if (!info.isFile()) return send(404, 'Not found');
      const body = await readFile(file);
      const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
      const hashed = file.startsWith(join(base, 'assets') + sep);
      res.writeHead(200, {
        ...headers,
        'Content-Type': type,
        'Content-Length': body.length,
        'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache'
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      if (!res.headersSent) send(500, 'Server error');
      else res.destroy();
    }
  });

  await new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/`;
  hosts = allowedHosts(host, actualPort);
  return {
    url: baseUrl,
    port: actualPort,
    close: () =>
      new Promise((resolvePromise) => {
        server.closeAllConnections?.();
        server.close(() => resolvePromise(undefined));
      })
  };
}

function parseArgs(argv) {
  const args = { port: undefined, build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') args.build = false;
    else if (arg === '--port') args.port = argv[++i];
    else if (arg.startsWith('--port=')) args.port = arg.slice('--port='.length);
    else if (arg === '--help' || arg === '-h') args.help = true;
    else throw new Error(`Unknown option ${arg} (try --help)`);
  }
  return args;
}

/** The command line: build, serve, print the address, stop on Ctrl+C. */
export async function main(argv = process.argv.slice(2)) {
  const args = parseArgs(argv);
  if (args.help) {
    console.log('Usage: node scripts/web.mjs [--port 5173] [--no-build]\nServes Mizan for the browser on 127.0.0.1.');
    return;
  }
  const raw = args.port ?? process.env.PORT ?? '5173';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port number: ${raw}`);
  if (args.build) await buildWeb();
  const server = await serveWeb({ port });
  console.log(
    `\nMizan (web mode) is running at ${server.url}\nOpen it in Chromium, Chrome or Edge for the full file access; press Ctrl+C to stop.\n`
  );
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
