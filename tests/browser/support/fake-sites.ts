import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Hosts the fake sites answer for; Chromium maps each to the local server. */
export const FAKE_HOSTS = [
  'facebook.com', 'www.facebook.com', 'business.facebook.com',
  'instagram.com', 'www.instagram.com',
  'linkedin.com', 'www.linkedin.com',
  'x.com', 'www.example.com',
];

function certificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'social-hours-cert-'));
  const san = FAKE_HOSTS.map((h) => `DNS:${h}`).join(',');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=fake-social',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-addext', `subjectAltName=${san}`,
  ], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

/**
 * A page that looks enough like a social site for the extension: some text, a link that
 * navigates the way single-page apps do (`history.pushState`), a silent video, and a hook
 * through which the page's own script dispatches events (untrusted ones).
 */
function page(host: string, path: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${host}${path}</title></head>
<body>
<h1 id="where">${host}${path}</h1>
<p>${'Fake social content. '.repeat(40)}</p>
<a id="spa-link" href="#">next page</a>
<input id="composer" aria-label="composer">
<script>
  document.getElementById('spa-link').addEventListener('click', (event) => {
    event.preventDefault();
    const target = new URLSearchParams(location.search).get('next') || '/next-page';
    history.pushState({}, '', target);
    document.getElementById('where').textContent = location.host + location.pathname;
  });
  window.dispatchFakeInput = () => {
    for (const type of ['pointerdown', 'mousemove', 'wheel', 'touchstart']) window.dispatchEvent(new Event(type, { bubbles: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
  };
</script>
</body></html>`;
}

export interface FakeSites {
  port: number;
  /** Chromium's --host-resolver-rules value that sends every host here: the fake ones, and any other (to catch stray requests), but this computer's own servers (the test WebDAV server). */
  resolverRules: string;
  /** Every request the server saw, and every TLS connection attempt to a host it has no certificate for. */
  log: Array<{ host: string; path: string; dest?: string }>;
  close(): Promise<void>;
}

export async function startFakeSites(): Promise<FakeSites> {
  const { key, cert } = certificate();
  const log: FakeSites['log'] = [];
  const server: Server = createServer({ key, cert }, (request, response) => {
    const host = (request.headers.host ?? '').split(':')[0] ?? '';
    const path = new URL(request.url ?? '/', 'https://x').pathname;
    log.push({ host, path, dest: String(request.headers['sec-fetch-dest'] ?? '') });
    if (path === '/favicon.ico') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(page(host, path));
  });
  server.on('tlsClientError', (_error, socket) => {
    const host = (socket as unknown as { servername?: string }).servername;
    if (host && !FAKE_HOSTS.includes(host)) log.push({ host, path: '(TLS)' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const resolverRules = [...FAKE_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`), `MAP * 127.0.0.1:${port}`, 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', ');
  return {
    port,
    resolverRules,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
