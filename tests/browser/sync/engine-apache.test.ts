import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../lib/sync/engine';
import { isWeak } from '../../../lib/sync/etag';
import { deviceFileName, monthFileName, monthOf } from '../../../lib/sync/file-names';
import { KEY_FILE } from '../../../lib/sync/key-file';
import { createDavClient, type DavClient, type DavClientOptions } from '../../../lib/sync/webdav';
import { HOUR, SECOND } from '../../../lib/time/clock';
import { seededRandom } from '../../support/seeded-random';
import { ITERATIONS, PASSPHRASE, settle, SyncWorld, type TestDevice } from '../../support/sync-devices';
import { halfUpload, isUploadInProgress, startWebDavServer, trustCertificate, type WebDavServer } from '../../support/webdav-server';

// The sync engine against Debian's Apache, with the server's faults: down, refusing, full,
// cut off halfway, raced, and a folder with a damaged file in it.
let server: WebDavServer;
let folders = 0;

const current = new Date();
/** A day of a month before the current one (UTC): always past, whatever day the tests run. */
const monthsAgo = (months: number, day: number, hour: number) => Date.UTC(current.getUTCFullYear(), current.getUTCMonth() - months, day, hour);

/** Devices on a folder of their own on the Apache server, under the real clock, which is the server's too. */
class ApacheWorld extends SyncWorld {
  readonly folderUrl: string;
  /** The folder's directory on disk. */
  readonly dir: string;
  readonly dav: DavClient;
  readonly days = { from: monthsAgo(9, 1, 0), to: monthsAgo(0, 1, 0) };

  constructor() {
    super();
    const folder = `engine-${++folders}`;
    this.folderUrl = new URL(`../${folder}/`, server.folderUrl).href;
    this.dir = join(server.dataDir, '..', folder);
    this.dav = this.client();
  }

  serverTime(): number {
    return Date.now();
  }

  async storedFiles(): Promise<Map<string, Uint8Array>> {
    return new Map(readdirSync(this.dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => [e.name, new Uint8Array(readFileSync(join(this.dir, e.name)))]));
  }

  client(options: Partial<DavClientOptions> = {}): DavClient {
    return createDavClient({ folderUrl: this.folderUrl, username: server.username, password: server.password, ...options });
  }
}

/** A device's time as its user sees it, which no failed sync may change (one that began publishing may have stamped `recordedBy`, naming whose time it already was). */
async function localData(device: TestDevice) {
  const sessions = (await device.db.sessions.orderBy('id').toArray()).map(({ id, start, end, clientId, note }) => ({ id, start, end, clientId, note }));
  return { sessions, tombstones: await device.db.tombstones.toArray(), totals: await device.totals() };
}

/** One session in each of the `months` months before the current one, on the device's own hour. */
async function recordMonths(device: TestDevice, months: number, hour: number): Promise<void> {
  for (let k = 1; k <= months; k++) await device.record(monthsAgo(k, 10, hour));
}

beforeAll(async () => {
  server = await startWebDavServer();
  trustCertificate(server.certificatePath);
});
afterAll(async () => {
  await server?.close();
});
// A test that fails halfway must not leave the next one a stopped or full server.
afterEach(async () => {
  server?.setFull(false);
  await server?.start();
});

describe('devices syncing through Apache', () => {
  it('leave two devices with the same sessions and totals; a third one joining later gets everything', async () => {
    const world = new ApacheWorld();
    const [a, b] = [await world.device('a'), await world.device('b')];
    await recordMonths(a, 3, 9);
    await b.record(monthsAgo(1, 12, 14), 45);
    await settle([a, b]);
    await world.expectConverged([a, b]);
    expect(await b.db.sessions.count()).toBe(4);

    const c = await world.device('c');
    const joined = await c.sync();
    expect(joined).toMatchObject({ error: null, problems: [], sessions: { added: 4, updated: 0, removed: 0 } });
    await settle([a, b, c]);
    await world.expectConverged([a, b, c]);
  });

  it('report offline while the server is down, change nothing, and carry on once it is back', async () => {
    const world = new ApacheWorld();
    const [a, b] = [await world.device('a'), await world.device('b')];
    const first = await a.record(monthsAgo(1, 3, 9));
    await settle([a, b]);
    await a.record(monthsAgo(2, 3, 9));
    await a.edit(first.id, 'changed while the server is down');
    const before = { data: await localData(a), files: await a.db.syncFiles.toArray() };
    const published = await world.storedFiles();

    await server.stop();
    expect((await a.sync()).error).toBe('offline');
    expect((await b.sync()).error).toBe('offline');
    expect({ data: await localData(a), files: await a.db.syncFiles.toArray() }).toEqual(before);
    await server.start();

    expect(await world.storedFiles()).toEqual(published);
    const report = await a.sync();
    expect(report).toMatchObject({ error: null, files: { uploaded: 2 } });
    await settle([a, b]);
    await world.expectConverged([a, b]);
    expect((await b.db.sessions.get(first.id))?.note).toBe('changed while the server is down');
  });

  /**
   * A fetch that stops the server around the `nth` request of `method`: `before` it is sent,
   * or `after` its answer was read in full (the server did it, the client never heard more).
   */
  function stoppingFetch(method: string, nth: number, when: 'before' | 'after'): typeof fetch {
    let seen = 0;
    return async (input, init = {}) => {
      const hit = init.method === method && ++seen === nth;
      if (hit && when === 'before') await server.stop();
      const response = await fetch(input, init);
      if (!hit || when === 'before') return response;
      const body = await response.arrayBuffer();
      await server.stop();
      return new Response(body.byteLength > 0 ? body : null, response);
    };
  }

  it.each([
    ['while it downloads', 'GET', 'after'],
    ['just before a write', 'PUT', 'before'],
    ['between a write and the request for its ETag', 'PUT', 'after'],
  ] as const)('report offline when the server stops %s, keep what was done, and finish the next time', async (_when, method, when) => {
    const world = new ApacheWorld();
    const [a, c] = [await world.device('a'), await world.device('c')];
    await recordMonths(a, 6, 9);
    expect((await a.sync()).error).toBeNull();
    // c joins with time of its own: its first sync downloads a's seven files, then writes its own seven.
    await recordMonths(c, 6, 14);
    const own = (await localData(c)).sessions;

    c.dav = world.client({ fetch: stoppingFetch(method, 3, when) });
    const stopped = await c.sync();
    expect(stopped.error).toBe('offline');
    // What was merged or written stays; none of c's own time is gone.
    expect((await localData(c)).sessions).toEqual(expect.arrayContaining(own));
    await server.start();

    c.dav = world.dav;
    const resumed = await c.sync();
    expect(resumed.error).toBeNull();
    // Each of c's files written once: one whose answer was lost is read back, not written again.
    expect(stopped.files.uploaded + resumed.files.uploaded).toBe(method === 'PUT' && when === 'after' ? 6 : 7);
    await settle([a, c]);
    await world.expectConverged([a, c]);
  });

  it('report unauthorized with a wrong password, and write nothing', async () => {
    const world = new ApacheWorld();
    const [a, b] = [await world.device('a'), await world.device('b')];
    await a.record(monthsAgo(1, 3, 9));
    await settle([a, b]);
    await a.record(monthsAgo(1, 4, 9));
    const before = await localData(a);
    const published = await world.storedFiles();

    a.dav = world.client({ password: 'not the password' });
    expect((await a.sync()).error).toBe('unauthorized');
    expect(await connect({ dav: a.dav, passphrase: PASSPHRASE, iterations: ITERATIONS, now: a.now })).toEqual({ ok: false, error: 'unauthorized' });
    expect(await world.storedFiles()).toEqual(published);
    expect(await localData(a)).toEqual(before);

    a.dav = world.dav;
    await settle([a, b]);
    await world.expectConverged([a, b]);
  });

  it('report full when the server has no room, keep everything, and publish once there is room again', async () => {
    const world = new ApacheWorld();
    const [a, b] = [await world.device('a'), await world.device('b')];
    const first = await a.record(monthsAgo(1, 3, 9));
    await settle([a, b]);
    await a.record(monthsAgo(2, 3, 9));
    await a.remove(first.id);
    const before = await localData(a);
    const published = await world.storedFiles();

    server.setFull(true);
    expect((await a.sync()).error).toBe('full');
    expect(await world.storedFiles()).toEqual(published);
    expect(await localData(a)).toEqual(before);
    server.setFull(false);

    expect((await a.sync())).toMatchObject({ error: null, files: { uploaded: 3 } });
    await settle([a, b]);
    await world.expectConverged([a, b]);
    expect(await b.db.sessions.get(first.id)).toBeUndefined();
  });

  it.each([
    ['the connection drops', 'abort', 'offline'],
    ['the upload stalls past the time limit', 'stall', 'timeout'],
  ] as const)('keep the previous file when %s halfway through a write, and write it again next time', async (_what, cut, code) => {
    const world = new ApacheWorld();
    const [a, b] = [await world.device('a'), await world.device('b')];
    // A month file of some ten kilobytes, so that half of it reaches Apache's disk.
    const random = seededRandom(5);
    const note = () => Array.from({ length: 500 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)]).join('');
    for (let day = 1; day <= 20; day++) await a.record(monthsAgo(1, day, 9), 30, { note: note() });
    await settle([a, b]);
    const month = monthFileName(a.identity.id, monthOf(monthsAgo(1, 1, 9)));
    const previous = readFileSync(join(world.dir, month));
    // Apache refuses a write in the second its file's ETag is weak before reading any of it: the write cut must be one it reads.
    await expect.poll(async () => isWeak((await world.dav.list()).files.find((f) => f.name === month)!.etag)).toBe(false);

    await a.record(monthsAgo(1, 21, 9), 30, { note: note() });
    let halfway = false;
    a.dav = world.client({ fetch: halfUpload({ cut, dir: world.dir, name: month, reachedDisk: () => (halfway = true) }), timeoutMs: cut === 'stall' ? 3 * SECOND : undefined });
    expect((await a.sync()).error).toBe(code);
    expect(halfway).toBe(true);
    expect(readFileSync(join(world.dir, month))).toEqual(previous);
    // Apache deletes what it received once it sees the upload will not finish.
    await expect.poll(() => readdirSync(world.dir).filter(isUploadInProgress)).toEqual([]);

    a.dav = world.dav;
    expect(await a.sync()).toMatchObject({ error: null, files: { uploaded: 1 } });
    await settle([a, b]);
    await world.expectConverged([a, b]);
    expect(await b.db.sessions.count()).toBe(21);
  });

  it('converge when two devices sync at the same moment, round after round, with edits in between', async () => {
    const world = new ApacheWorld();
    const devices = [await world.device('a'), await world.device('b')];
    const random = seededRandom(7);
    for (let round = 1; round <= 4; round++) {
      for (const [n, device] of devices.entries()) {
        // Each device on its own hours: a member's sessions never overlap.
        await device.record(monthsAgo(1 + (round % 3), round, 8 + 3 * n));
        const present = await device.db.sessions.toArray();
        const other = present[Math.floor(random() * present.length)]!;
        if (random() < 0.75) await device.edit(other.id, `round ${round} on ${device.identity.name}`);
        else await device.remove(other.id);
      }
      const reports = await Promise.all(devices.map((d) => d.sync()));
      for (const report of reports) expect(report).toMatchObject({ error: null, problems: [] });
    }
    await settle(devices);
    await world.expectConverged(devices);
  });

  it('converge with a device whose clock is an hour ahead; a later correction on the other still wins', async () => {
    const world = new ApacheWorld();
    const a = await world.device('a');
    const fast = await world.device('fast', { clockOffset: HOUR });
    const session = await a.record(monthsAgo(1, 3, 9));
    const doomed = await a.record(monthsAgo(1, 4, 9));
    await fast.record(monthsAgo(1, 3, 14));
    await settle([a, fast]);

    // Edited on the fast device, then, a moment later by the real clock, on the other.
    await fast.edit(session.id, 'on the fast device');
    await fast.edit(doomed.id, 'on the fast device');
    await settle([fast, a]);
    await a.edit(session.id, 'corrected on a');
    await a.remove(doomed.id);
    await settle([a, fast]);
    await world.expectConverged([a, fast]);
    expect((await fast.db.sessions.get(session.id))?.note).toBe('corrected on a');
    expect(await fast.db.sessions.get(doomed.id)).toBeUndefined();

    // The Date header is to the second, and a moment old when it arrives.
    expect(Math.abs((await fast.sync()).serverClockSkewMs! - HOUR)).toBeLessThan(2 * SECOND);
    expect(Math.abs((await a.sync()).serverClockSkewMs!)).toBeLessThan(2 * SECOND);
  });

  it('refuse a wrong passphrase, leaving the folder as it was to the byte', async () => {
    const world = new ApacheWorld();
    const a = await world.device('a');
    await a.record(monthsAgo(1, 3, 9));
    await a.sync();
    const folder = await world.storedFiles();
    expect(await connect({ dav: world.client(), passphrase: 'not the passphrase', iterations: ITERATIONS, now: Date.now })).toEqual({ ok: false, error: 'wrong-passphrase' });
    expect(await world.storedFiles()).toEqual(folder);
    expect([...folder.keys()].sort()).toEqual([KEY_FILE, deviceFileName(a.identity.id), monthFileName(a.identity.id, monthOf(monthsAgo(1, 3, 9)))].sort());
  });

  it('report a truncated file, sync the rest, apply nothing from it, and converge once its owner writes it again', async () => {
    const world = new ApacheWorld();
    const [a, b] = [await world.device('a'), await world.device('b')];
    await a.record(monthsAgo(1, 3, 9));
    await a.record(monthsAgo(2, 3, 9));
    await b.record(monthsAgo(1, 3, 14));
    await a.sync();
    await b.sync();
    const damaged = monthFileName(a.identity.id, monthOf(monthsAgo(1, 3, 9)));
    truncateSync(join(world.dir, damaged), 30);

    const c = await world.device('c');
    const report = await c.sync();
    expect(report).toMatchObject({ error: null, problems: [{ file: damaged, code: 'corrupt-file' }] });
    // b's session and a's other month, nothing from the damaged file.
    expect((await c.db.sessions.toArray()).map((s) => s.start).sort()).toEqual([monthsAgo(2, 3, 9), monthsAgo(1, 3, 14)].sort());
    expect((await c.sync()).problems).toEqual([{ file: damaged, code: 'corrupt-file' }]);

    expect((await a.sync()).files.uploaded).toBe(1);
    await settle([a, b, c]);
    await world.expectConverged([a, b, c]);
    expect((await c.sync()).problems).toEqual([]);
  });
});
