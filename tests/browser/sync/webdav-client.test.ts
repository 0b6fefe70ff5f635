import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sameVersion } from '../../../lib/sync/etag';
import { createDavClient, DavError, type DavClient } from '../../../lib/sync/webdav';
import { halfUpload, startWebDavServer, trustCertificate, type WebDavServer } from '../../support/webdav-server';

// The transport against a real WebDAV server, Debian's Apache, through Node's own fetch.
let server: WebDavServer;
let dav: DavClient;
let folder = 0;

const bytes = (text: string) => new TextEncoder().encode(text);

function content(got: Awaited<ReturnType<DavClient['get']>>): { text: string; etag: string } {
  if (got === 'not-modified') throw new Error('Expected the file, got not-modified');
  return { text: new TextDecoder().decode(got.body), etag: got.etag };
}

function clientFor(folderUrl: string, overrides: Partial<Parameters<typeof createDavClient>[0]> = {}): DavClient {
  return createDavClient({ folderUrl, username: server.username, password: server.password, ...overrides });
}

async function failure(promise: Promise<unknown>): Promise<DavError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DavError);
  return error as DavError;
}

beforeAll(async () => {
  server = await startWebDavServer();
  trustCertificate(server.certificatePath);
});
afterAll(async () => {
  await server?.close();
});

describe('the sync folder', () => {
  it('is created once; a second ensureFolder finds it there', async () => {
    dav = clientFor(server.folderUrl);
    expect(existsSync(server.dataDir)).toBe(false);
    await dav.ensureFolder();
    await dav.ensureFolder();
    expect(statSync(server.dataDir).isDirectory()).toBe(true);
  });

  it('may have a name that needs percent-encoding', async () => {
    const spaced = clientFor(new URL('Heures sociales (été)/', server.folderUrl).href);
    await spaced.ensureFolder();
    await spaced.put('a.bin', bytes('alpha'), { ifNoneMatch: '*' });
    expect((await spaced.list()).files.map((f) => f.name)).toEqual(['a.bin']);
    expect(readFileSync(join(server.dataDir, 'Heures sociales (été)', 'a.bin'), 'utf8')).toBe('alpha');
  });

  it('cannot be created under a folder that does not exist', async () => {
    expect((await failure(clientFor(new URL('missing/child/', server.folderUrl).href).ensureFolder())).code).toBe('not-found');
    expect((await failure(clientFor(new URL('missing/child/', server.folderUrl).href).list())).code).toBe('not-found');
  });
});

describe('files', () => {
  // Each test in a folder of its own, under the sync folder (listings leave sub-folders out).
  let files: string;
  beforeEach(async () => {
    const url = new URL(`t${++folder}/`, server.folderUrl).href;
    dav = clientFor(url);
    await clientFor(server.folderUrl).ensureFolder();
    await dav.ensureFolder();
    files = join(server.dataDir, `t${folder}`);
  });
  const inFolder = (name: string) => readFileSync(join(files, name), 'utf8');

  /** The file's ETag once Apache calls it strong, a second after the last write: a PUT with it goes straight through. */
  async function strongEtag(name: string): Promise<string> {
    for (;;) {
      const etag = (await dav.list()).files.find((f) => f.name === name)!.etag;
      if (!etag.startsWith('W/')) return etag;
      await sleep(100);
    }
  }

  it('lists nothing, then each file with the ETag a GET gives, and the server clock', async () => {
    const empty = await dav.list();
    expect(empty.files).toEqual([]);
    expect(Math.abs(empty.serverTime! - Date.now())).toBeLessThan(5_000);

    await dav.put('b.bin', bytes('bravo!'), { ifNoneMatch: '*' });
    await dav.put('a.bin', bytes('alpha'), { ifNoneMatch: '*' });
    const listed = (await dav.list()).files.sort((x, y) => x.name.localeCompare(y.name));
    expect(listed.map(({ name, size }) => ({ name, size }))).toEqual([{ name: 'a.bin', size: 5 }, { name: 'b.bin', size: 6 }]);
    // The sync folder holds the other tests' folders, and no file: sub-folders are left out.
    expect((await clientFor(server.folderUrl).list()).files).toEqual([]);
    for (const file of listed) {
      // The same version; only Apache's W/ may differ, depending on when each was asked.
      expect(sameVersion(content(await dav.get(file.name)).etag, file.etag)).toBe(true);
      expect(Math.abs(file.modified! - Date.now())).toBeLessThan(60_000);
    }
  });

  it('gets a file, and not-modified while the ETag given is still current', async () => {
    const { etag } = await dav.put('a.bin', bytes('alpha'), { ifNoneMatch: '*' });
    expect(content(await dav.get('a.bin')).text).toBe('alpha');
    expect(await dav.get('a.bin', etag)).toBe('not-modified');
    await dav.put('a.bin', bytes('alpha 2'), { ifMatch: etag });
    expect(content(await dav.get('a.bin', etag)).text).toBe('alpha 2');
    expect((await failure(dav.get('missing.bin'))).code).toBe('not-found');
  });

  it('creates a file only once with ifNoneMatch *', async () => {
    await dav.put('a.bin', bytes('first'), { ifNoneMatch: '*' });
    const error = await failure(dav.put('a.bin', bytes('second'), { ifNoneMatch: '*' }));
    expect([error.code, error.status]).toEqual(['conflict', 412]);
    expect(inFolder('a.bin')).toBe('first');
  });

  it('writes over a stale ETag never: conflict, the file unchanged', async () => {
    const first = await dav.put('a.bin', bytes('one'), { ifNoneMatch: '*' });
    await dav.put('a.bin', bytes('two'), { ifMatch: first.etag });
    const error = await failure(dav.put('a.bin', bytes('three'), { ifMatch: first.etag }));
    expect([error.code, error.status]).toEqual(['conflict', 412]);
    expect(inFolder('a.bin')).toBe('two');
  });

  it('writes a file again and again, each time with the ETag the last write returned', async () => {
    // Apache calls an ETag weak for a second after each write, and refuses If-Match on a weak one.
    let { etag } = await dav.put('a.bin', bytes('0'), { ifNoneMatch: '*' });
    for (let i = 1; i <= 3; i++) ({ etag } = await dav.put('a.bin', bytes(String(i)), { ifMatch: etag }));
    expect(inFolder('a.bin')).toBe('3');
    const [listed] = (await dav.list()).files;
    expect(sameVersion(listed!.etag, etag)).toBe(true);
  });

  it('leaves one racing writer\'s file whole, never a mix of the two', async () => {
    await dav.put('a.bin', bytes('base'), { ifNoneMatch: '*' });
    const etag = await strongEtag('a.bin');
    const left = new Uint8Array(200_000).fill(0x6c);
    const right = new Uint8Array(200_000).fill(0x72);
    // Apache checks If-Match before it reads the body, and renames the body into place at the
    // end: both writers can be told they won. One writer per file is the sync engine's to keep.
    const results = await Promise.allSettled([dav.put('a.bin', left, { ifMatch: etag }), dav.put('a.bin', right, { ifMatch: etag })]);
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    const written = readFileSync(join(files, 'a.bin'));
    expect([left, right].some((body) => written.equals(body))).toBe(true);
  });

  it('refuses the wrong password', async () => {
    await dav.put('a.bin', bytes('mine'), { ifNoneMatch: '*' });
    const intruder = createDavClient({ folderUrl: new URL(`t${folder}/`, server.folderUrl).href, username: server.username, password: 'wrong' });
    for (const attempt of [() => intruder.list(), () => intruder.get('a.bin'), () => intruder.put('a.bin', bytes('theirs'), { ifNoneMatch: '*' }), () => intruder.ensureFolder()]) {
      const error = await failure(attempt());
      expect([error.code, error.status]).toEqual(['unauthorized', 401]);
    }
    expect(inFolder('a.bin')).toBe('mine');
  });

  it('says full when the server has no room, and leaves the file as it was', async () => {
    const { etag } = await dav.put('a.bin', bytes('kept'), { ifNoneMatch: '*' });
    server.setFull(true);
    try {
      const error = await failure(dav.put('a.bin', bytes('lost'), { ifMatch: etag }));
      expect([error.code, error.status]).toEqual(['full', 507]);
      expect((await failure(dav.put('b.bin', bytes('new'), { ifNoneMatch: '*' }))).code).toBe('full');
    } finally {
      server.setFull(false);
    }
    expect(inFolder('a.bin')).toBe('kept');
    expect(readdirSync(files)).toEqual(['a.bin']);
    await dav.put('a.bin', bytes('room again'), { ifMatch: etag });
    expect(inFolder('a.bin')).toBe('room again');
  });

  it('is offline while the server is down, and works again once it is back', async () => {
    await dav.put('a.bin', bytes('before'), { ifNoneMatch: '*' });
    await server.stop();
    try {
      for (const attempt of [() => dav.list(), () => dav.get('a.bin'), () => dav.put('a.bin', bytes('during'), { ifNoneMatch: '*' })]) {
        expect((await failure(attempt())).code).toBe('offline');
      }
    } finally {
      await server.start();
    }
    const { files: listed } = await dav.list();
    expect(listed.map((f) => f.name)).toEqual(['a.bin']);
    await dav.put('a.bin', bytes('after'), { ifMatch: listed[0]!.etag });
    expect(inFolder('a.bin')).toBe('after');
  });

  it.each([
    ['the connection drops', 'abort', 'offline'],
    ['the upload stalls past the time limit', 'stall', 'timeout'],
  ] as const)('keeps the previous content when %s halfway through a write', async (_what, cut, code) => {
    const previous = 'previous '.repeat(1_000);
    await dav.put('a.bin', bytes(previous), { ifNoneMatch: '*' });
    // An ETag Apache takes at once: the interrupted PUT is then the only one, not a retry.
    const etag = await strongEtag('a.bin');
    let halfway = false;
    const fetch = halfUpload({ cut, dir: files, name: 'a.bin', reachedDisk: () => (halfway = true) });
    const interrupted = clientFor(new URL(`t${folder}/`, server.folderUrl).href, { fetch, timeoutMs: cut === 'stall' ? 5_000 : 60_000 });
    expect((await failure(interrupted.put('a.bin', new Uint8Array(1 << 20).fill(0x6e), { ifMatch: etag }))).code).toBe(code);
    expect(halfway).toBe(true);
    expect(inFolder('a.bin')).toBe(previous);
    // Apache deletes its temporary file once it sees the upload will not finish.
    await expect.poll(() => readdirSync(files)).toEqual(['a.bin']);
    expect((await dav.list()).files.map((f) => [f.etag, f.size])).toEqual([[etag, previous.length]]);
  });
});
