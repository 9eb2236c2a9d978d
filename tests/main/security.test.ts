// The window security policy and the app:// protocol, called directly.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  mimeTypeOf,
  resolveAppFile,
  resolveAppUrl,
  serveAppRequest
} from '../../src/main/appProtocol';
import {
  CONTENT_SECURITY_POLICY,
  denyNavigation,
  denyPermissionCheck,
  denyPermissionRequest,
  denyWebview,
  hardenSession,
  hardenWebContents,
  isAllowedExternalUrl,
  isAllowedRequestUrl,
  isTrustedSenderUrl,
  secureWebPreferences,
  windowOpenHandler
} from '../../src/main/security';
import { tempDir } from './helpers';

const preventable = () => ({ preventDefault: vi.fn() });

describe('webPreferences', () => {
  it('isolates and sandboxes the page, without Node, webviews or insecure content', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toEqual({
      preload: '/app/out/preload/index.cjs',
      devTools: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true
    });
    expect(secureWebPreferences('/p', { devTools: true }).devTools).toBe(true);
  });
});

describe('Content-Security-Policy', () => {
  const directives = Object.fromEntries(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    })
  );

  it('is deny-by-default, with scripts only from the app and no eval', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    // WebAssembly may be compiled (the Monte Carlo kernel); JavaScript may not be evaluated.
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/(?<!wasm-)unsafe-eval|\*|https?:/);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
  });
});

describe('links and navigation', () => {
  it('lets only http and https links out', () => {
    for (const url of ['https://example.org/a?b#c', 'http://example.org']) expect(isAllowedExternalUrl(url)).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,hi',
      'app://mizan/index.html',
      'mailto:a@b.c',
      'smb://server/share',
      'ms-msdt:/id',
      'https://user:pass@example.org',
      'not a url',
      ''
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  it('will-navigate and will-attach-webview are always prevented', () => {
    for (const handler of [denyNavigation, denyWebview]) {
      const event = preventable();
      handler(event);
      expect(event.preventDefault).toHaveBeenCalledTimes(1);
    }
  });

  it('window.open is denied; an https link goes to the system browser, nothing else does', () => {
    const openExternal = vi.fn();
    const handler = windowOpenHandler(openExternal);
    expect(handler({ url: 'https://example.org/report' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.org/report');
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://mizan/index.html' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('hardenWebContents attaches every handler to a WebContents', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
    const contents = {
      on: (name: string, listener: (event: { preventDefault(): void }) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) => {
        openHandler = h;
      }
    };
    const openExternal = vi.fn();
    hardenWebContents(contents, openExternal);
    expect([...listeners.keys()].sort()).toEqual([
      'will-attach-webview',
      'will-frame-navigate',
      'will-navigate',
      'will-redirect'
    ]);
    for (const listener of listeners.values()) {
      const event = preventable();
      listener(event);
      expect(event.preventDefault).toHaveBeenCalled();
    }
    expect(openHandler?.({ url: 'https://a.example' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://a.example');
  });

  it('permission requests and checks are denied', () => {
    const callback = vi.fn();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen'
    ]) {
      denyPermissionRequest({}, permission, callback);
    }
    expect(callback.mock.calls.every(([granted]) => granted === false)).toBe(true);
    expect(callback).toHaveBeenCalledTimes(6);
    expect(denyPermissionCheck()).toBe(false);
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    hardenSession(session);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledWith(denyPermissionRequest);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledWith(denyPermissionCheck);
  });

  it('lets the page load only app://mizan/, data: and blob: (and the dev server in development)', () => {
    for (const url of ['app://mizan/index.html', 'data:image/png;base64,AA==', 'blob:app://mizan/1234']) {
      expect(isAllowedRequestUrl(url), url).toBe(true);
    }
    for (const url of [
      'https://example.org/x.js',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'ws://localhost:5173/',
      'app://other/x',
      'ftp://a/b',
      'nonsense'
    ]) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
    const dev = 'http://localhost:5173';
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.ts', dev)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequestUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedRequestUrl('https://example.org/', dev)).toBe(false);
  });

  it('trusts IPC only from app://mizan/ (or the dev server origin in development)', () => {
    expect(isTrustedSenderUrl('app://mizan/index.html')).toBe(true);
    expect(isTrustedSenderUrl('app://mizan/')).toBe(true);
    for (const url of [
      'app://evil/index.html',
      'app://mizan.evil/',
      'https://mizan/',
      'file:///index.html',
      'about:blank',
      '',
      null,
      undefined
    ]) {
      expect(isTrustedSenderUrl(url), String(url)).toBe(false);
    }
    expect(isTrustedSenderUrl('http://localhost:5173/src/x', 'http://localhost:5173')).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:51730/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/')).toBe(false);
  });
});

describe('app:// protocol', () => {
  const root = '/srv/mizan/out/renderer';

  it('is registered as a standard, secure scheme', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
    expect(APP_ENTRY_URL).toBe('app://mizan/index.html');
  });

  it('maps app://mizan/ to index.html and paths to files under the renderer folder', () => {
    expect(resolveAppUrl('app://mizan/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl('app://mizan/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl('app://mizan/assets/index-abc.js?v=1#x', root)).toBe(
      path.join(root, 'assets', 'index-abc.js')
    );
    expect(resolveAppUrl('app://mizan/assets/a%20b.css', root)).toBe(path.join(root, 'assets', 'a b.css'));
  });

  it.each([
    'app://mizan/../etc/passwd',
    'app://mizan/assets/../../etc/passwd',
    'app://mizan/%2e%2e/etc/passwd',
    'app://mizan/%2E%2E/%2E%2E/etc/passwd',
    'app://mizan/.%2e/etc/passwd',
    'app://mizan/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://mizan/%252e%252e/etc/passwd',
    'app://mizan//etc/passwd',
    'app://mizan/C:/Windows/win.ini',
    'app://mizan/assets\\..\\..\\secret',
    'app://mizan/assets%5c..%5csecret',
    'app://mizan/index.html%00.png',
    'app://mizan/./index.html',
    'app:///etc/passwd',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://mizan/index.html',
    '/etc/passwd',
    'app://mizan/%E0%A4%A'
  ])('refuses %s', (url) => {
    expect(resolveAppUrl(url, root)).toBeNull();
  });

  it('never resolves outside the root, whatever the URL', () => {
    const weird = ['..', '%2e', '.', '%2f', '/', '\\', '%5c', 'a', '%00', ':', 'C:', '~', '%252e'];
    for (const a of weird) {
      for (const b of weird) {
        const file = resolveAppUrl(`app://mizan/${a}/${b}/x`, root);
        if (file !== null) expect(file.startsWith(root + path.sep), `${a}/${b}`).toBe(true);
      }
    }
  });

  it('refuses a symlink that points out of the renderer folder', async () => {
    const dir = tempDir();
    const rootDir = path.join(dir, 'renderer');
    mkdirSync(path.join(rootDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rootDir, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    symlinkSync(path.join(dir, 'secret.txt'), path.join(rootDir, 'assets', 'leak.txt'));
    symlinkSync(dir, path.join(rootDir, 'up'));
    expect(await resolveAppFile('app://mizan/index.html', rootDir)).toBe(path.join(rootDir, 'index.html'));
    expect(await resolveAppFile('app://mizan/assets/leak.txt', rootDir)).toBeNull();
    expect(await resolveAppFile('app://mizan/up/secret.txt', rootDir)).toBeNull();
    expect(await resolveAppFile('app://mizan/assets', rootDir)).toBeNull(); // a folder
    expect(await resolveAppFile('app://mizan/missing.js', rootDir)).toBeNull();
  });

  it('serves files with their MIME type and the CSP header on every response', async () => {
    const rootDir = tempDir();
    mkdirSync(path.join(rootDir, 'assets'));
    writeFileSync(path.join(rootDir, 'index.html'), '<!doctype html><title>Mizan</title>');
    writeFileSync(path.join(rootDir, 'assets', 'app.js'), 'console.log(1)');
    const page = await serveAppRequest('app://mizan/', 'GET', rootDir);
    expect(page.status).toBe(200);
    expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(page.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(Buffer.from(page.body as Uint8Array).toString()).toContain('<title>Mizan</title>');
    const script = await serveAppRequest('app://mizan/assets/app.js', 'GET', rootDir);
    expect(script.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    const head = await serveAppRequest('app://mizan/assets/app.js', 'HEAD', rootDir);
    expect(head.body).toBeNull();
    for (const [url, method, status] of [
      ['app://mizan/../etc/passwd', 'GET', 404],
      ['app://mizan/nope.js', 'GET', 404],
      ['app://mizan/index.html', 'POST', 405]
    ] as const) {
      const answer = await serveAppRequest(url, method, rootDir);
      expect(answer.status).toBe(status);
      expect(answer.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('knows the MIME types of what a Vite build emits', () => {
    expect(mimeTypeOf('a.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('a.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeOf('f.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('i.svg')).toBe('image/svg+xml');
    expect(mimeTypeOf('x.wasm')).toBe('application/wasm');
    expect(mimeTypeOf('unknown.bin')).toBe('application/octet-stream');
  });
});
