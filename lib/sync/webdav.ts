import { isWeak, sameVersion, strongForm } from './etag';
import { type DavResource, parseFolderListing, parseMultistatus } from './propfind';

export interface RemoteFile {
  name: string;
  /** Verbatim, quotes and any W/ included, as If-Match and If-None-Match need it. */
  etag: string;
  size: number;
  modified: number | null;
}

export type DavErrorCode = 'offline' | 'timeout' | 'unauthorized' | 'forbidden' | 'not-found' | 'conflict' | 'full' | 'server' | 'bad-response';

export class DavError extends Error {
  override readonly name = 'DavError';

  constructor(
    readonly code: DavErrorCode,
    readonly status: number | null,
    message?: string,
  ) {
    super(message ?? (status === null ? code : `${code} (HTTP ${status})`));
  }
}

export interface DavClient {
  /** Creates the folder when missing (MKCOL; parent must exist). */
  ensureFolder(): Promise<void>;
  /** The files directly in the folder (PROPFIND Depth 1), with their ETags, and the server's clock (Date header, epoch ms) when it sent one. */
  list(): Promise<{ files: RemoteFile[]; serverTime: number | null }>;
  /** A file's bytes and ETag; 'not-modified' when `etag` is given and still current (If-None-Match). */
  get(name: string, etag?: string): Promise<{ body: Uint8Array; etag: string } | 'not-modified'>;
  /** Writes a file only if it is still at `ifMatch` (or, with `ifNoneMatch: '*'`, only if it does not exist yet): DavError 'conflict' (412) otherwise. Returns the new ETag (asks the server with a PROPFIND/HEAD when the PUT response has none). */
  put(name: string, body: Uint8Array, condition: { ifMatch: string } | { ifNoneMatch: '*' }): Promise<{ etag: string }>;
}

export interface DavClientOptions {
  /** Ends with '/' (see parseFolderUrl); one is added when missing. */
  folderUrl: string;
  username: string;
  password: string;
  fetch?: typeof fetch;
  /** For each request, body included. */
  timeoutMs?: number;
}

/** File names the sync engine uses; '.' and '..' excluded, since they would address the folder or its parent. */
const FILE_NAME = /^(?!\.\.?$)[a-z0-9._-]+$/;

const PROPFIND_BODY = `<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:getetag/><d:getcontentlength/><d:getlastmodified/></d:prop></d:propfind>`;

/** How long Apache may call a file's ETag weak after a write; twice what it takes, for a busy server. */
const WEAK_ETAG_WINDOW_MS = 2_000;
const WEAK_ETAG_POLL_MS = 200;

interface Reply {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

function errorFor(status: number): DavError {
  if (status === 401) return new DavError('unauthorized', status);
  if (status === 403) return new DavError('forbidden', status);
  // 409: the folder a file or folder is written into does not exist.
  if (status === 404 || status === 409) return new DavError('not-found', status);
  if (status === 412) return new DavError('conflict', status);
  if (status === 413 || status === 507) return new DavError('full', status);
  if (status === 408) return new DavError('timeout', status);
  // Locked, rate-limited or failing: states that pass, so a later try may succeed.
  if (status >= 500 || status === 423 || status === 429) return new DavError('server', status);
  return new DavError('bad-response', status, `Unexpected HTTP ${status}`);
}

function basicAuth(username: string, password: string): string {
  // btoa takes Latin-1 only: encode as UTF-8 first, as servers expect for non-ASCII passwords.
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))}`;
}

export function createDavClient(options: DavClientOptions): DavClient {
  const folderUrl = options.folderUrl.endsWith('/') ? options.folderUrl : `${options.folderUrl}/`;
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const authorization = basicAuth(options.username, options.password);

  const fileUrl = (name: string): string => {
    if (!FILE_NAME.test(name)) throw new RangeError(`Not a sync file name: ${JSON.stringify(name)}`);
    return new URL(name, folderUrl).href;
  };

  /** One request, its body read in full under the same time limit; statuses are left to the caller. */
  async function send(method: string, url: string, headers: Record<string, string>, body?: Uint8Array<ArrayBuffer> | string): Promise<Reply> {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetchImpl(url, {
        method,
        headers: { Authorization: authorization, ...headers },
        body,
        signal,
        // The password goes in the header above, never in the browser's cookie or auth caches.
        credentials: 'omit',
        cache: 'no-store',
      });
      return { status: response.status, headers: response.headers, body: new Uint8Array(await response.arrayBuffer()) };
    } catch (error) {
      if (signal.aborted) throw new DavError('timeout', null, `No answer within ${timeoutMs} ms`);
      throw new DavError('offline', null, error instanceof Error ? error.message : String(error));
    }
  }

  function multistatus<T>(reply: Reply, read: (xml: string) => T): T {
    if (reply.status !== 207) throw errorFor(reply.status);
    try {
      return read(new TextDecoder().decode(reply.body));
    } catch (error) {
      throw new DavError('bad-response', reply.status, error instanceof Error ? error.message : String(error));
    }
  }

  const propfind = (url: string, depth: '0' | '1'): Promise<Reply> =>
    send('PROPFIND', url, { Depth: depth, 'Content-Type': 'application/xml; charset=utf-8' }, PROPFIND_BODY);

  async function stat(url: string): Promise<DavResource | null> {
    const reply = await propfind(url, '0');
    if (reply.status === 404) return null;
    return multistatus(reply, parseMultistatus).find((entry) => !entry.collection) ?? null;
  }

  /**
   * The ETag of what this client just wrote, for servers that send none with the PUT
   * (Apache's mod_dav_fs). Another writer could slip in between; when the size shows it,
   * the write is reported lost so that the caller reads and merges rather than overwrites.
   */
  async function etagAfterPut(url: string, size: number): Promise<string> {
    const written = await stat(url);
    if (!written?.etag) throw new DavError('bad-response', 207, 'The server gave no ETag for the file written');
    if (written.size !== null && written.size !== size) throw new DavError('conflict', null, 'The file was replaced again before its ETag could be read');
    return written.etag;
  }

  /**
   * After a 412 to If-Match: the file's ETag when it is still the version `ifMatch` names, once
   * the server calls it strong; null when the file really moved on. A weak ETag never satisfies
   * If-Match, and Apache calls every file's ETag weak for a second after it was written: without
   * this, a file could not be written twice in a row, nor with an ETag listed in that second.
   */
  async function sameVersionStrong(url: string, ifMatch: string): Promise<string | null> {
    const deadline = Date.now() + WEAK_ETAG_WINDOW_MS;
    for (;;) {
      const current = (await stat(url))?.etag;
      if (!current || !sameVersion(current, ifMatch)) return null;
      if (!isWeak(current)) return current;
      if (Date.now() > deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, WEAK_ETAG_POLL_MS));
    }
  }

  return {
    async ensureFolder() {
      const reply = await send('MKCOL', folderUrl, {});
      // 405: MKCOL on something that already exists.
      if (reply.status !== 201 && reply.status !== 405) throw errorFor(reply.status);
    },

    async list() {
      const reply = await propfind(folderUrl, '1');
      const files = multistatus(reply, (xml) => parseFolderListing(xml, folderUrl));
      const serverTime = Date.parse(reply.headers.get('Date') ?? '');
      return { files, serverTime: Number.isNaN(serverTime) ? null : serverTime };
    },

    async get(name, etag) {
      const reply = await send('GET', fileUrl(name), etag === undefined ? {} : { 'If-None-Match': etag });
      if (reply.status === 304 && etag !== undefined) return 'not-modified';
      if (reply.status !== 200) throw errorFor(reply.status);
      const current = reply.headers.get('ETag');
      if (!current) throw new DavError('bad-response', reply.status, `The server gave no ETag for ${name}`);
      return { body: reply.body, etag: current };
    },

    async put(name, body, condition) {
      const url = fileUrl(name);
      // A copy: fetch wants a body on its own ArrayBuffer, and the caller keeps theirs to change.
      const bytes = new Uint8Array(body);
      const attempt = (conditionHeader: Record<string, string>) =>
        send('PUT', url, { 'Content-Type': 'application/octet-stream', ...conditionHeader }, bytes);
      // Callers keep ETags as listed, often W/ (read in Apache's second after a write): sent as they are,
      // every write would first be refused, its body uploaded for nothing.
      let reply = await attempt('ifMatch' in condition ? { 'If-Match': strongForm(condition.ifMatch) } : { 'If-None-Match': condition.ifNoneMatch });
      if (reply.status === 412 && 'ifMatch' in condition) {
        const strong = await sameVersionStrong(url, condition.ifMatch);
        if (strong) reply = await attempt({ 'If-Match': strong });
      }
      if (reply.status !== 200 && reply.status !== 201 && reply.status !== 204) throw errorFor(reply.status);
      return { etag: reply.headers.get('ETag') ?? (await etagAfterPut(url, body.byteLength)) };
    },
  };
}
