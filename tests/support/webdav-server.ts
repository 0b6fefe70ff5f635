import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import tls from 'node:tls';

/** Debian's Apache httpd (packages apache2 and apache2-utils) serving a WebDAV folder over HTTPS on 127.0.0.1. */
export interface WebDavServer {
  origin: string;
  /** The sync folder, not created yet: under /dav/, which exists and is writable. */
  folderUrl: string;
  username: string;
  password: string;
  /** Where the sync folder's files are on disk, for tests that inspect or corrupt them. */
  dataDir: string;
  /** The self-signed certificate (PEM), for 127.0.0.1 and localhost. */
  certificatePath: string;
  /** Kills Apache: connections are then refused. */
  stop(): Promise<void>;
  /** Starts Apache again on the same port, with the same files. */
  start(): Promise<void>;
  /** While set, every PUT answers 507 Insufficient Storage. */
  setFull(full: boolean): void;
  /** Every request served so far, in order, as `METHOD /path status`: what a client really fetched or wrote. */
  requests(): string[];
  /** Stops Apache and deletes everything it had. */
  close(): Promise<void>;
}

export interface WebDavServerOptions {
  username?: string;
  password?: string;
  /** The sync folder's name under /dav/. */
  folder?: string;
}

const APACHE = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';
// unixd, the module that drops root's privileges, is built into Debian's apache2.
const LOADED = ['mpm_event', 'authz_core', 'authn_core', 'authn_file', 'auth_basic', 'authz_user', 'dav', 'dav_fs', 'ssl', 'rewrite'];
const READY_WITHIN_MS = 60_000;

/** Lets Node's fetch in this process accept the server's certificate, as it accepts the public authorities'. */
export function trustCertificate(certificatePath: string): void {
  if (typeof tls.setDefaultCACertificates !== 'function') throw new Error('Trusting the test server needs Node 22.19 or later');
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), readFileSync(certificatePath, 'utf8')]);
}

/**
 * A fetch that sends the first half of the body of the first PUT of `name`, waits until
 * Apache has written some of it to disk in `dir` (the folder's directory), then `cut`s the
 * upload: `abort` drops the connection as a lost network would, `stall` sends nothing more
 * and lets the client's time limit end it. Every other request goes through as it is. That PUT
 * must be one Apache takes: it refuses one whose If-Match fails without reading any of its body.
 */
export function halfUpload({ cut, dir, name, reachedDisk }: { cut: 'abort' | 'stall'; dir: string; name: string; reachedDisk: () => void }): typeof fetch {
  let done = false;
  return async (input, init = {}) => {
    if (done || init.method !== 'PUT' || !String(input).endsWith(`/${name}`)) return fetch(input, init);
    done = true;
    const body = init.body as Uint8Array;
    const dropped = new AbortController();
    let sent = false;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(body.subarray(0, body.length / 2));
          return;
        }
        while (uploadBytesOnDisk(dir) === 0) await sleep(20);
        reachedDisk();
        if (cut === 'abort') dropped.abort();
        else await new Promise(() => undefined);
      },
    });
    const signal = AbortSignal.any([init.signal!, dropped.signal]);
    return fetch(input, { ...init, body: stream, signal, duplex: 'half' } as RequestInit);
  };
}

/** mod_dav_fs receives an upload into a temporary file beside its target, renamed over it once complete. */
export const isUploadInProgress = (name: string): boolean => name.startsWith('.davfs.tmp');

function uploadBytesOnDisk(dir: string): number {
  return readdirSync(dir).filter(isUploadInProgress).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Root's Apache serves as www-data, which must own whatever it writes to; anyone else's serves as themselves. */
function servingUser(): { uid: number; gid: number; directives: string } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'www-data'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g'), directives: 'User www-data\nGroup www-data' };
}

function configuration(root: string, port: number, user: string | null): string {
  const davRoot = join(root, 'www', 'dav');
  return `ServerRoot ${root}
ServerName localhost
PidFile ${root}/run/httpd.pid
DefaultRuntimeDir ${root}/run
ErrorLog ${root}/logs/error.log
LogLevel warn
CustomLog ${root}/logs/access.log "%m %U %>s"
${user ?? ''}
${LOADED.map((name) => `LoadModule ${name}_module ${MODULES}/mod_${name}.so`).join('\n')}
# Few processes: the machine has two cores and other tests on them.
StartServers 1
ServerLimit 2
ThreadsPerChild 16
MaxRequestWorkers 32
MinSpareThreads 1
MaxSpareThreads 32
Listen 127.0.0.1:${port} https
SSLEngine on
SSLCertificateFile ${root}/cert.pem
SSLCertificateKeyFile ${root}/key.pem
SSLSessionCache none
DocumentRoot ${root}/www
DavLockDB ${root}/lock/DavLock
<Directory />
  Require all denied
  AllowOverride None
</Directory>
<Directory ${davRoot}>
  Dav On
  AuthType Basic
  AuthName "Social Hours test"
  AuthBasicProvider file
  AuthUserFile ${root}/htpasswd
  Require valid-user
  # In this directory's section, so that a full disk still asks for the password first;
  # per-directory rewriting wants FollowSymLinks.
  Options FollowSymLinks
  RewriteEngine On
  RewriteCond %{REQUEST_METHOD} =PUT
  RewriteCond ${root}/full -f
  RewriteRule ^ - [R=507,L]
</Directory>
`;
}

function tail(path: string): string {
  try {
    return readFileSync(path, 'utf8').slice(-4_000);
  } catch {
    return '';
  }
}

/** Any HTTP answer at all means Apache's workers are serving. */
function answers(origin: string, ca: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = request(`${origin}/`, { method: 'HEAD', ca, timeout: 2_000 }, (response) => {
      response.resume();
      resolve(true);
    });
    probe.on('timeout', () => probe.destroy());
    probe.on('error', () => resolve(false));
    probe.end();
  });
}

export async function startWebDavServer(options: WebDavServerOptions = {}): Promise<WebDavServer> {
  const username = options.username ?? 'community';
  const password = options.password ?? 'correct horse battery staple';
  const folder = options.folder ?? 'social-hours';

  const root = mkdtempSync(join(tmpdir(), 'social-hours-dav-'));
  // www-data has to reach the files below; the private key stays root's, read before dropping privileges.
  chmodSync(root, 0o755);
  for (const dir of ['run', 'logs', 'lock', 'www/dav']) mkdirSync(join(root, dir), { recursive: true });
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost',
    '-keyout', join(root, 'key.pem'), '-out', join(root, 'cert.pem'),
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ], { stdio: 'ignore' });
  // bcrypt at its lowest cost: every request checks the password.
  execFileSync('htpasswd', ['-b', '-c', '-B', '-C', '4', join(root, 'htpasswd'), username, password], { stdio: 'ignore' });
  chmodSync(join(root, 'htpasswd'), 0o644);
  const user = servingUser();
  if (user) for (const dir of ['lock', 'www/dav']) chownSync(join(root, dir), user.uid, user.gid);

  const conf = join(root, 'httpd.conf');
  const ca = readFileSync(join(root, 'cert.pem'));
  let origin = '';
  let apache: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  const killOnExit = () => apache?.kill('SIGTERM');

  async function start(): Promise<void> {
    if (apache) return;
    let output = '';
    const child = spawn(APACHE, ['-f', conf, '-DFOREGROUND'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    let running = true;
    exited = new Promise((resolve) => {
      child.once('exit', () => {
        running = false;
        resolve();
      });
      // Spawning failed (no apache2 installed): no 'exit' follows.
      child.once('error', (error) => {
        output += String(error);
        running = false;
        resolve();
      });
    });
    apache = child;
    // A test process that dies without close() leaves no Apache behind.
    process.once('exit', killOnExit);
    const deadline = Date.now() + READY_WITHIN_MS;
    while (!(await answers(origin, ca))) {
      if (!running || Date.now() > deadline) {
        await stop();
        throw new Error(`Apache did not start on ${origin}:\n${output}\n${tail(join(root, 'logs', 'error.log'))}`);
      }
      await sleep(50);
    }
  }

  async function stop(): Promise<void> {
    if (!apache) return;
    process.off('exit', killOnExit);
    // SIGTERM: Apache's parent ends its workers and waits for them before it exits itself.
    apache.kill('SIGTERM');
    apache = null;
    await exited;
  }

  // The port was free a moment ago; another process may have taken it since.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    origin = `https://127.0.0.1:${port}`;
    writeFileSync(conf, configuration(root, port, user?.directives ?? null));
    try {
      await start();
      break;
    } catch (error) {
      if (attempt === 3 || !String(error).includes('Address already in use')) {
        rmSync(root, { recursive: true, force: true });
        throw error;
      }
    }
  }
  return {
    origin,
    folderUrl: `${origin}/dav/${folder}/`,
    username,
    password,
    dataDir: join(root, 'www', 'dav', folder),
    certificatePath: join(root, 'cert.pem'),
    start,
    stop,
    requests() {
      return readFileSync(join(root, 'logs', 'access.log'), 'utf8').split('\n').filter(Boolean);
    },
    setFull(full) {
      if (full) writeFileSync(join(root, 'full'), '');
      else rmSync(join(root, 'full'), { force: true });
    },
    async close() {
      await stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
