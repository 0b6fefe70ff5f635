import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../lib/db/records';
import { unseal } from '../../../lib/sync/envelope';
import { SessionsFileSchema, TombstonesFileSchema } from '../../../lib/sync/file-contents';
import { deviceFileName, monthFileName, tombstonesFileName } from '../../../lib/sync/file-names';
import { KEY_FILE } from '../../../lib/sync/key-file';
import { connect, runSync } from '../../../lib/sync/engine';
import { memberResolver } from '../../../lib/sync/members';
import { HOUR, MINUTE } from '../../../lib/time/clock';
import { seededRandom } from '../../support/seeded-random';
import { ITERATIONS, settle, World, type TestDevice } from './sync-devices';

const nov = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour, minute);

/** The sessions a device's month file holds, as the folder has it. */
async function published(world: World, device: TestDevice, month: string): Promise<SessionRecord[]> {
  const file = world.dav.files.get(monthFileName(device.identity.id, month));
  return file ? (await unseal(device.key, monthFileName(device.identity.id, month), file.body, SessionsFileSchema)).sessions : [];
}

describe('syncing devices through one folder', () => {
  it('leaves two devices with the same sessions and the same day totals', async () => {
    const world = new World();
    const a = await world.device('a');
    const b = await world.device('b');
    await a.record(nov(2, 9));
    await a.record(Date.UTC(2026, 9, 31, 23, 30), 60); // ends in November, filed under October (UTC)
    await b.record(nov(2, 14), 45);
    const before = await b.totals(); // cached on b, to be refreshed by what the sync brings
    await settle([a, b]);
    await world.expectConverged([a, b]);
    expect(await a.db.sessions.count()).toBe(3);
    expect(await b.totals()).not.toEqual(before);
    expect((await b.totals()).reduce((sum, day) => sum + (day.dupont ?? 0), 0)).toBe(135 * MINUTE);
    // Names reveal devices and months, nothing else.
    expect([...world.dav.files.keys()].sort()).toEqual(
      [KEY_FILE, deviceFileName(a.identity.id), deviceFileName(b.identity.id), monthFileName(a.identity.id, '2026-10'), monthFileName(a.identity.id, '2026-11'), monthFileName(b.identity.id, '2026-11')].sort(),
    );
    // Who recorded what, for members' reports, and when each device last published.
    expect(await b.db.syncDevices.toArray()).toEqual([{ id: a.identity.id, name: "a's browser", member: 'Member a', writtenAt: world.time, lastSeen: world.time }]);
    const memberOf = memberResolver((await b.db.syncDevices.toArray()).map((d) => ({ ...d, lastSeenAt: d.lastSeen })), { ...b.identity, lastSeenAt: null })!;
    const sessions = await b.db.sessions.orderBy('start').toArray();
    expect(sessions.map((s) => memberOf(s.recordedBy))).toEqual(['Member a', 'Member a', 'Member b']);
  });

  it('downloads and uploads only what changed', async () => {
    const world = new World();
    const a = await world.device('a');
    const b = await world.device('b');
    const session = await a.record(nov(2, 9));
    await b.record(nov(3, 9));
    await settle([a, b]);

    world.advance(10 * MINUTE);
    world.dav.log = [];
    for (const device of [a, b]) expect((await device.sync()).files).toMatchObject({ downloaded: 0, uploaded: 0 });
    expect(world.dav.log.filter((entry) => !entry.startsWith('list'))).toEqual([]);

    world.advance(10 * MINUTE);
    await a.edit(session.id, 'call with the baker');
    expect((await a.sync()).files).toMatchObject({ downloaded: 0, uploaded: 1 });
    const report = await b.sync();
    expect(report.files).toMatchObject({ downloaded: 1, uploaded: 0 });
    expect(report.sessions).toEqual({ added: 0, updated: 1, removed: 0 });
    expect((await a.sync()).files).toMatchObject({ downloaded: 0, uploaded: 0 });
    await world.expectConverged([a, b]);
  });

  it('lets a correction win on a device whose clock is an hour behind the one that recorded the session', async () => {
    const world = new World();
    const a = await world.device('a');
    const b = await world.device('b', { clockOffset: HOUR });
    const session = await b.record(nov(2, 9));
    await settle([a, b]);
    await a.edit(session.id, 'corrected on a');
    await settle([a, b]);
    await world.expectConverged([a, b]);
    expect((await b.db.sessions.get(session.id))?.note).toBe('corrected on a');
    const skew = (await b.sync()).serverClockSkewMs;
    expect(skew).toBe(HOUR);
    expect((await a.sync()).serverClockSkewMs).toBe(0);
  });

  it('an edit on B of a session recorded by A wins, and A stops publishing it', async () => {
    const world = new World();
    const a = await world.device('a');
    const b = await world.device('b');
    const session = await a.record(nov(2, 9));
    const other = await a.record(nov(2, 11));
    await settle([a, b]);
    expect((await published(world, a, '2026-11')).map((s) => s.id)).toEqual([session.id, other.id]);

    // Edited while b is offline: by the time a sees it, a has synced since the edit's date.
    world.advance(5 * MINUTE);
    await b.edit(session.id, 'edited on b');
    world.advance(HOUR);
    await a.sync();
    await settle([b, a]);
    await world.expectConverged([a, b]);
    expect((await a.db.sessions.get(session.id))?.note).toBe('edited on b');
    expect((await published(world, a, '2026-11')).map((s) => s.id)).toEqual([other.id]);
    const onB = await published(world, b, '2026-11');
    expect(onB.map((s) => [s.id, s.recordedBy])).toEqual([[session.id, a.identity.id]]);
    // Still a's member's time, wherever it was edited.
    const memberOf = memberResolver((await a.db.syncDevices.toArray()).map((d) => ({ ...d, lastSeenAt: d.lastSeen })), { ...a.identity, lastSeenAt: null })!;
    expect(memberOf((await a.db.sessions.get(session.id))!.recordedBy)).toBe('Member a');
  });

  it('a deletion on B removes A\'s session on every device, and from A\'s file', async () => {
    const world = new World();
    const [a, b, c] = [await world.device('a'), await world.device('b'), await world.device('c')];
    const session = await a.record(nov(2, 9));
    await a.record(nov(2, 11));
    await settle([a, b, c]);
    world.advance(5 * MINUTE);
    await b.remove(session.id);
    world.advance(HOUR);
    await a.sync();
    await c.sync();
    await settle([b, a, c]);
    await world.expectConverged([a, b, c]);
    for (const device of [a, b, c]) expect(await device.db.sessions.get(session.id)).toBeUndefined();
    expect((await published(world, a, '2026-11')).map((s) => s.id)).not.toContain(session.id);
    // Every device passes on the deletions it knows: they outlive the file of the device that made them.
    for (const device of [a, b, c]) {
      const name = tombstonesFileName(device.identity.id);
      expect((await unseal(device.key, name, world.dav.files.get(name)!.body, TombstonesFileSchema)).tombstones.map((t) => t.id)).toEqual([session.id]);
    }
  });

  it('moves a session to the file of its new month when its start is changed across a month end', async () => {
    const world = new World();
    const a = await world.device('a');
    const b = await world.device('b');
    const session = await a.record(nov(1, 0, 30));
    await settle([a, b]);
    world.advance(5 * MINUTE);
    const moved = await a.commands.update(session.id, { start: Date.UTC(2026, 9, 31, 22), end: Date.UTC(2026, 9, 31, 22, 30) }, a.now());
    expect(moved.ok).toBe(true);
    await settle([a, b]);
    await world.expectConverged([a, b]);
    expect((await published(world, a, '2026-11')).map((s) => s.id)).toEqual([]);
    expect((await published(world, a, '2026-10')).map((s) => s.id)).toEqual([session.id]);
  });

  it('keeps nothing twice and loses nothing when an upload fails before or after the server wrote it', async () => {
    for (const afterWrite of [false, true]) {
      const world = new World();
      const a = await world.device('a');
      const b = await world.device('b');
      await a.record(nov(2, 9));
      await a.record(nov(2, 10));
      world.dav.failNext('put', 'timeout', { afterWrite });
      expect((await a.sync()).error).toBe('timeout');
      world.advance(MINUTE);
      await a.record(nov(2, 11));
      await settle([a, b]);
      await world.expectConverged([a, b]);
      expect(await b.db.sessions.count()).toBe(3);
      expect((await published(world, a, '2026-11')).length).toBe(3);
    }
  });

  it('merges what another tab wrote to its file in the meantime, then writes again, without clobbering it', async () => {
    const world = new World();
    const a = await world.device('a');
    const b = await world.device('b');
    await a.record(nov(2, 9));
    await settle([a, b]);
    // A copy of a's profile (same device id) records its own time and syncs just before a's write.
    const copy = await world.device('a');
    await copy.db.sessions.bulkPut(await a.db.sessions.toArray());
    await copy.db.syncFiles.bulkPut(await a.db.syncFiles.toArray());
    await copy.db.syncConfig.bulkPut(await a.db.syncConfig.toArray());
    await copy.record(nov(3, 9));
    await a.record(nov(4, 9));
    let copyReport;
    world.dav.onNextPut(async (name) => {
      expect(name).toBe(monthFileName(a.identity.id, '2026-11'));
      copyReport = await copy.sync();
    });
    const report = await a.sync();
    expect(copyReport).toMatchObject({ error: null, files: { uploaded: 1 } });
    expect(report).toMatchObject({ error: null, problems: [], files: { uploaded: 1 } });
    await settle([b, a, copy]);
    await world.expectConverged([a, b, copy]);
    expect(await b.db.sessions.count()).toBe(3);
    expect((await published(world, a, '2026-11')).length).toBe(3);
  });

  it('reports a truncated file and syncs the others; the device that wrote it writes it again', async () => {
    const world = new World();
    const [a, b, c] = [await world.device('a'), await world.device('b'), await world.device('c')];
    await a.record(nov(2, 9));
    await b.record(nov(2, 10));
    await a.sync();
    await b.sync();
    world.dav.truncate(monthFileName(a.identity.id, '2026-11'), 30);
    world.dav.log = [];
    const report = await c.sync();
    expect(report.error).toBeNull();
    expect(report.problems).toEqual([{ file: monthFileName(a.identity.id, '2026-11'), code: 'corrupt-file' }]);
    expect(await c.db.sessions.count()).toBe(1);
    // Not downloaded again while it stays as it is; still reported.
    expect((await c.sync()).problems).toHaveLength(1);
    expect(world.dav.log.filter((entry) => entry === `get ${monthFileName(a.identity.id, '2026-11')}`)).toHaveLength(1);
    expect((await a.sync()).files.uploaded).toBe(1);
    await settle([a, b, c]);
    await world.expectConverged([a, b, c]);
    expect(await c.db.sessions.count()).toBe(2);
    expect((await c.sync()).problems).toEqual([]);
  });

  it('stops before writing anything when the folder was set up again with another passphrase', async () => {
    const world = new World();
    const a = await world.device('a');
    await a.record(nov(2, 9));
    await a.sync();
    world.dav.files.delete(KEY_FILE);
    const other = await connect({ dav: world.dav, passphrase: 'a new passphrase', iterations: ITERATIONS, now: a.now });
    expect(other.ok).toBe(true);
    await a.record(nov(3, 9));
    const before = world.dav.snapshot();
    expect((await a.sync()).error).toBe('wrong-passphrase');
    expect(world.dav.snapshot()).toEqual(before);
    expect((await a.store.state()).lastError).toBe('wrong-passphrase');
  });

  it('stops when the folder lost its key file, and writes nothing', async () => {
    const world = new World();
    const a = await world.device('a');
    await a.record(nov(2, 9));
    world.dav.files.delete(KEY_FILE);
    expect((await a.sync()).error).toBe('key-missing');
    expect(world.dav.files.size).toBe(0);
  });

  it('refuses an identity the others could not read, before anything is written', async () => {
    const world = new World();
    const a = await world.device('a');
    await expect(runSync({ dav: world.dav, key: a.key, device: { ...a.identity, id: 'Not-An-Id' }, store: a.store, now: a.now })).rejects.toThrow();
    expect([...world.dav.files.keys()]).toEqual([KEY_FILE]);
  });

  it('reports the server\'s refusal, and carries on from there once it is lifted', async () => {
    const world = new World();
    const a = await world.device('a');
    const b = await world.device('b');
    await a.record(nov(2, 9));
    world.dav.failNext('list', 'unauthorized');
    expect((await a.sync()).error).toBe('unauthorized');
    world.dav.failNext('put', 'full');
    expect((await a.sync()).error).toBe('full');
    await settle([a, b]);
    await world.expectConverged([a, b]);
  });

  it('publishes a restored backup\'s sessions, dated before the last sync, when asked for a full check (or at the daily one)', async () => {
    const world = new World();
    const a = await world.device('a');
    const b = await world.device('b');
    await settle([a, b]);
    const old = { id: 'restored', start: nov(1, 9), end: nov(1, 10), clientId: 'dupont', platform: 'manual', account: null, activity: 'call', source: 'manual' as const, createdAt: nov(1, 10), updatedAt: nov(1, 10) };
    await a.db.sessions.put(old);
    await settle([a, b]);
    expect(await b.db.sessions.get('restored')).toBeUndefined();
    expect((await a.sync({ full: true })).files.uploaded).toBe(1);
    await settle([a, b]);
    expect(await b.db.sessions.get('restored')).toBeDefined();
  });
});

describe('devices syncing at the same time', () => {
  it('end the same, whatever the interleaving of their requests, with nothing lost or doubled', async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const random = seededRandom(seed);
      const world = new World();
      const turns = () => Math.floor(random() * 4);
      const devices = [await world.device('a', { dav: world.dav.client(turns) }), await world.device('b', { dav: world.dav.client(turns), clockOffset: -HOUR }), await world.device('c', { dav: world.dav.client(turns) })];
      const recorded: string[] = [];
      for (let step = 0; step < 12; step++) {
        world.advance(Math.floor(random() * 20) * MINUTE);
        const device = devices[Math.floor(random() * devices.length)]!;
        const present = await device.db.sessions.toArray();
        const choice = random();
        if (choice < 0.4 || present.length === 0) {
          // Each device on its own hours: a member's sessions never overlap.
          const n = devices.indexOf(device);
          recorded.push((await device.record(nov(2 + step, 8 + 3 * n), 20)).id);
        } else if (choice < 0.6) {
          await device.edit(present[Math.floor(random() * present.length)]!.id, `step ${step}`);
        } else if (choice < 0.7) {
          await device.remove(present[Math.floor(random() * present.length)]!.id);
        } else {
          const reports = await Promise.all(devices.map((d) => d.sync()));
          for (const report of reports) expect(report.error, `seed ${seed}`).toBeNull();
        }
      }
      await settle(devices);
      await world.expectConverged(devices);
      const ids = (await devices[0]!.db.sessions.toArray()).map((s) => s.id);
      const deleted = new Set((await devices[0]!.db.tombstones.toArray()).map((t) => t.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(recorded.filter((id) => !deleted.has(id)).sort(), `seed ${seed}: a session lost`).toEqual([...ids].filter((id) => !id.includes('split')).sort());
    }
  });
});
