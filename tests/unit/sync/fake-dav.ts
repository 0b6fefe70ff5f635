import { DavError, type DavClient, type DavErrorCode, type RemoteFile } from '../../../lib/sync/webdav';

interface StoredFile {
  body: Uint8Array;
  etag: string;
  modified: number;
}

type Fault = { op: 'list' | 'get' | 'put'; code: DavErrorCode; afterWrite: boolean };

/**
 * A WebDAV folder in memory, with a server's ETag semantics: every write gets a new ETag,
 * `If-Match` and `If-None-Match: *` are enforced (412 → 'conflict'), and GET with a current
 * ETag answers 'not-modified'. Faults can be queued; `clients` share the folder, each with
 * its own delays so that several devices' steps interleave.
 */
export class FakeDav implements DavClient {
  files = new Map<string, StoredFile>();
  exists = false;
  private etags = 0;
  private faults: Fault[] = [];
  private beforePut: Array<(name: string) => Promise<void> | void> = [];
  /** Every request, in order: `put name`, `get name`, `list`. */
  log: string[] = [];

  /** `serverClock`: the time the server puts in its answers' Date header. */
  constructor(private serverClock: () => number) {}

  /** The next `op` fails with `code`; a put `afterWrite` fails once the file is written (the answer is lost). */
  failNext(op: Fault['op'], code: DavErrorCode, { afterWrite = false } = {}): void {
    this.faults.push({ op, code, afterWrite });
  }

  /** Runs `action` just before the next put is carried out, as a write by someone else at that moment would. */
  onNextPut(action: (name: string) => Promise<void> | void): void {
    this.beforePut.push(action);
  }

  /** Cuts a file short, as an interrupted upload by another client would leave it. */
  truncate(name: string, length: number): void {
    const file = this.files.get(name)!;
    this.files.set(name, { body: file.body.slice(0, length), etag: this.nextEtag(), modified: this.serverClock() });
  }

  /** A copy of the folder, to compare with later. */
  snapshot(): Map<string, { etag: string; body: string }> {
    return new Map([...this.files].map(([name, f]) => [name, { etag: f.etag, body: Buffer.from(f.body).toString('base64') }]));
  }

  async ensureFolder(): Promise<void> {
    this.log.push('ensureFolder');
    this.exists = true;
  }

  async list(): Promise<{ files: RemoteFile[]; serverTime: number | null }> {
    this.log.push('list');
    this.fault('list', false);
    if (!this.exists) throw new DavError('not-found', 404);
    const files = [...this.files].map(([name, f]) => ({ name, etag: f.etag, size: f.body.length, modified: f.modified }));
    return { files, serverTime: this.serverClock() };
  }

  async get(name: string, etag?: string): Promise<{ body: Uint8Array; etag: string } | 'not-modified'> {
    this.log.push(`get ${name}`);
    this.fault('get', false);
    const file = this.files.get(name);
    if (!file) throw new DavError('not-found', 404);
    if (etag === file.etag) return 'not-modified';
    return { body: file.body.slice(), etag: file.etag };
  }

  async put(name: string, body: Uint8Array, condition: { ifMatch: string } | { ifNoneMatch: '*' }): Promise<{ etag: string }> {
    this.log.push(`put ${name}`);
    await this.beforePut.shift()?.(name);
    this.fault('put', false);
    const current = this.files.get(name);
    const allowed = 'ifMatch' in condition ? current?.etag === condition.ifMatch : current === undefined;
    if (!allowed) throw new DavError('conflict', 412);
    const etag = this.nextEtag();
    this.files.set(name, { body: body.slice(), etag, modified: this.serverClock() });
    this.fault('put', true);
    return { etag };
  }

  /** Requests through this folder that wait a few turns of the event loop before and after each call (`turns` says how many). */
  client(turns: () => number): DavClient {
    const wait = async () => {
      for (let i = turns(); i > 0; i--) await new Promise((resolve) => setTimeout(resolve, 0));
    };
    const delayed =
      <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        await wait();
        try {
          return await call(...args);
        } finally {
          await wait();
        }
      };
    return {
      ensureFolder: delayed(() => this.ensureFolder()),
      list: delayed(() => this.list()),
      get: delayed((name: string, etag?: string) => this.get(name, etag)),
      put: delayed((name: string, body: Uint8Array, condition: { ifMatch: string } | { ifNoneMatch: '*' }) => this.put(name, body, condition)),
    };
  }

  private fault(op: Fault['op'], afterWrite: boolean): void {
    const i = this.faults.findIndex((f) => f.op === op && f.afterWrite === afterWrite);
    if (i < 0) return;
    const [fault] = this.faults.splice(i, 1);
    throw new DavError(fault!.code, null);
  }

  private nextEtag(): string {
    return `"e${++this.etags}"`;
  }
}
