// The app:// protocol that serves the built renderer: `app://mizan/<path>` maps to a file
// under the renderer folder and to nothing else. A URL that tries to climb out (`..`,
// encoded dots or slashes, backslashes, absolute or drive paths) or a symlink that points
// out is refused; every response carries the CSP and the right MIME type. index.ts
// registers the scheme as privileged (standard, secure) and hands requests to
// serveAppRequest; everything here is plain Node and tested directly.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';

export const APP_SCHEME = 'app';
export const APP_HOST = 'mizan';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The privileges index.ts registers with protocol.registerSchemesAsPrivileged. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true
} as const;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.mizan': 'application/x-mizan+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8'
};

export function mimeTypeOf(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** True when `child` is `root` or inside it (both absolute, normalised). */
export function isInside(root: string, child: string): boolean {
  const relative = path.relative(root, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The file under `rootDir` that an app:// URL names, or null when the URL is not ours or
 * tries to reach outside. Pure string work; resolveAppFile adds the symlink check.
 * `app://mizan/` is index.html.
 */
export function resolveAppUrl(url: string, rootDir: string): string | null {
  if (typeof url !== 'string' || url.length > 2048) return null;
  const prefix = `${APP_ORIGIN}/`;
  if (!url.startsWith(prefix)) return null;
  // Look at the raw path before the URL parser tidies it: a request that spells out a
  // climb, hides one behind percent-encoding, or uses backslashes is refused outright.
  const rawPath = url.slice(prefix.length).split(/[?#]/, 1)[0];
  if (/\\|%5c|%2f|%2e|%00|\0/i.test(rawPath)) return null;
  if (rawPath.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let segments: string[];
  try {
    segments = parsed.pathname.slice(1).split('/').map(decodeURIComponent);
  } catch {
    return null;
  }
  if (segments.length === 1 && segments[0] === '') segments = ['index.html'];
  for (const segment of segments) {
    // Empty segments ("//etc") would make an absolute path; ":" a drive or a stream; a "%"
    // left after decoding means double encoding, which no file of the build needs.
    if (segment === '' || segment === '.' || segment === '..' || /[\\/:%\0]/.test(segment)) return null;
  }
  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...segments);
  return isInside(root, file) && file !== root ? file : null;
}

/** resolveAppUrl, then the real path (symlinks followed) must still be a file inside the root. */
export async function resolveAppFile(url: string, rootDir: string): Promise<string | null> {
  const file = resolveAppUrl(url, rootDir);
  if (!file) return null;
  try {
    const [realRoot, realFile] = await Promise.all([fsp.realpath(rootDir), fsp.realpath(file)]);
    if (!isInside(realRoot, realFile)) return null;
    const stats = await fsp.stat(realFile);
    return stats.isFile() ? realFile : null;
  } catch {
    return null;
  }
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string | null;
}

const securityHeaders = (): Record<string, string> => ({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache'
});

/** Answers one app:// request: the file with its MIME type and the CSP, or 404/405. */
export async function serveAppRequest(url: string, method: string, rootDir: string): Promise<AppResponse> {
  if (method !== 'GET' && method !== 'HEAD') {
    return {
      status: 405,
      headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
      body: 'Method not allowed'
    };
  }
  const file = await resolveAppFile(url, rootDir);
  if (!file) {
    return {
      status: 404,
      headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
      body: 'Not found'
    };
  }
  try {
    const body = await fsp.readFile(file);
    return {
      status: 200,
      headers: { ...securityHeaders(), 'Content-Type': mimeTypeOf(file), 'Content-Length': String(body.byteLength) },
      body: method === 'HEAD' ? null : body
    };
  } catch {
    return {
      status: 404,
      headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
      body: 'Not found'
    };
  }
}
