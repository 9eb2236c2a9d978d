// The security policy of every Mizan window, as plain values and functions that tests call
// directly (index.ts only attaches them): deny by default — no Node in the page, the page
// isolated from the preload and sandboxed, no navigation, no new windows (http/https links
// go to the system browser), no permissions, no <webview>, and a strict CSP.
import type { WebPreferences } from 'electron';

/** The webPreferences of every BrowserWindow (DevTools only in development). */
export function secureWebPreferences(preloadPath: string, options: { devTools?: boolean } = {}): WebPreferences {
  return {
    preload: preloadPath,
    devTools: options.devTools ?? false,
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
  };
}

/**
 * The Content-Security-Policy sent with every app:// response. Scripts only from the app
 * itself (no inline script, no eval); WebAssembly may be compiled ('wasm-unsafe-eval': the
 * engine's Monte Carlo kernel, whose bytes ship with the app's own scripts; it allows no
 * eval of JavaScript); workers from the app or blob: (the engine's Web
 * Worker); images also from data:/blob: (chart exports); nothing from the network.
 * style-src keeps 'unsafe-inline' because Svelte 5 puts static `style="…"` attributes of
 * templates into the HTML it clones, which CSP would block without it; inline styles
 * cannot run code, so this does not weaken the script policy.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ');

/** Only http and https links may leave the app, to the system browser. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  // No credentials in the link: "https://bank.example@evil.example" misleads.
  return parsed.username === '' && parsed.password === '' && parsed.hostname !== '';
}

/** Whether an IPC message comes from Mizan's own page (or, in development, the dev server). */
export function isTrustedSenderUrl(url: string | undefined | null, devServerUrl?: string): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'app:' && parsed.host === 'mizan' && url.startsWith('app://mizan/')) return true;
  if (devServerUrl) {
    try {
      return parsed.origin === new URL(devServerUrl).origin && parsed.origin !== 'null';
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * Whether the page may load a URL at all (session.webRequest, under the CSP): the app's own
 * files and in-memory data, and in development the dev server and its hot-reload socket.
 * Mizan works offline; nothing else — no http(s), no file:// — is ever fetched.
 */
export function isAllowedRequestUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'app:') return parsed.host === 'mizan';
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'devtools:') return true;
  if (!devServerUrl) return false;
  try {
    const dev = new URL(devServerUrl);
    if (parsed.origin === dev.origin) return true;
    const socket = dev.protocol === 'https:' ? 'wss:' : 'ws:';
    return parsed.protocol === socket && parsed.host === dev.host;
  } catch {
    return false;
  }
}

interface PreventableEvent {
  preventDefault(): void;
}

/** will-navigate / will-frame-navigate / will-redirect: the page never leaves the app. */
export function denyNavigation(event: PreventableEvent): void {
  event.preventDefault();
}

/** will-attach-webview: no <webview>, ever. */
export function denyWebview(event: PreventableEvent): void {
  event.preventDefault();
}

/** setWindowOpenHandler: no new windows; an http(s) link opens in the system browser. */
export function windowOpenHandler(openExternal: (url: string) => void) {
  return (details: { url: string }): { action: 'deny' } => {
    if (isAllowedExternalUrl(details.url)) openExternal(details.url);
    return { action: 'deny' };
  };
}

/** session.setPermissionRequestHandler: camera, microphone, notifications, … all denied. */
export function denyPermissionRequest(
  _contents: unknown,
  _permission: string,
  callback: (granted: boolean) => void
): void {
  callback(false);
}

/** session.setPermissionCheckHandler: every check says no. */
export function denyPermissionCheck(): boolean {
  return false;
}

/** The parts of WebContents that hardenWebContents uses (a fake in tests). */
export interface HardenableContents {
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect',
    listener: (event: PreventableEvent) => void
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Attaches the deny-by-default handlers to a WebContents (every one the app creates). */
export function hardenWebContents(contents: HardenableContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', denyNavigation);
  contents.on('will-frame-navigate', denyNavigation);
  contents.on('will-redirect', denyNavigation);
  contents.on('will-attach-webview', denyWebview);
  contents.setWindowOpenHandler(windowOpenHandler(openExternal));
}

export interface HardenableSession {
  setPermissionRequestHandler(handler: typeof denyPermissionRequest): void;
  setPermissionCheckHandler(handler: typeof denyPermissionCheck): void;
}

export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
}
