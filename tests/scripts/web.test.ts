// The web mode's server (scripts/web.mjs) answers only requests addressed to it by a loopback
// name: a page on another domain re-pointed at 127.0.0.1 (DNS rebinding) gets 421, not the app.
// Real requests on loopback with the Host header set by hand.
import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedHosts, serveWeb } from '../../scripts/web.mjs';

const INDEX = '<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src \'self\'"><p>Mizan</p>';

interface Answer {
  status: number;
  type: string | undefined;
  body: string;
}

/** One request to 127.0.0.1:port with the given Host header (or none). */
function get(port: number, host: string | null, method = 'GET', urlPath = '/'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: urlPath, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    if (host === null) req.removeHeader('host');
    else req.setHeader('host', host);
    req.on('error', reject);
    req.end();
  });
}

/** A raw HTTP/1.0 request with no Host header at all; resolves the status line. */
function getWithoutHost(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.0\r\n\r\n'));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('end', () => resolve(data.split('\r\n')[0]));
    socket.on('error', reject);
  });
}

let server: Awaited<ReturnType<typeof serveWeb>>;
let root: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'mizan-web-'));
  writeFileSync(path.join(root, 'index.html'), INDEX);
  server = await serveWeb({ root, port: 0 });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the web server’s Host check', () => {
  it('serves the app to its own loopback names', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `LocalHost:${server.port}`]) {
      const answer = await get(server.port, host);
      expect(answer.status, host).toBe(200);
      expect(answer.body).toBe(INDEX);
    }
  });

  it('refuses any other Host with 421 and a short plain-text note, not the app', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${server.port}`,
      `127.0.0.1.evil.example:${server.port}`,
      `localhost.:${server.port}`,
      `127.0.0.1:${server.port + 1}`,
      '127.0.0.1',
      `[::1]:${server.port}`,
      ''
    ]) {
      const answer = await get(server.port, host);
      expect(answer.status, host).toBe(421);
      expect(answer.type).toBe('text/plain; charset=utf-8');
      expect(answer.body).toBe(`Misdirected request: Mizan answers only at http://127.0.0.1:${server.port}/\n`);
    }
    // Every path, every method: the check comes first.
    expect((await get(server.port, 'evil.example', 'GET', '/index.html')).status).toBe(421);
    expect(await get(server.port, 'evil.example', 'HEAD')).toMatchObject({ status: 421, body: '' });
    expect((await get(server.port, 'evil.example', 'POST')).status).toBe(421);
  });

  it('refuses a request with no Host header', async () => {
    expect(await getWithoutHost(server.port)).toBe('HTTP/1.1 421 Misdirected Request');
  });

  it('keeps its other rules for the right Host', async () => {
    expect((await get(server.port, `127.0.0.1:${server.port}`, 'POST')).status).toBe(405);
    expect((await get(server.port, `127.0.0.1:${server.port}`, 'GET', '/../../etc/passwd')).status).toBe(404);
  });
});

describe('allowedHosts', () => {
  it('names the address and localhost with the port; IPv6 in brackets; no port only for 80', () => {
    expect([...allowedHosts('127.0.0.1', 5173)]).toEqual(['127.0.0.1:5173', 'localhost:5173']);
    expect([...allowedHosts('::1', 5173)]).toEqual(['[::1]:5173', 'localhost:5173']);
    expect([...allowedHosts('127.0.0.1', 80)]).toEqual(['127.0.0.1:80', '127.0.0.1', 'localhost:80', 'localhost']);
  });
});
