import { describe, expect, it } from 'vitest';
import type { SessionRecord, TombstoneRecord } from '../../../lib/db/records';
import { canonical, laterVersion, nextVersion } from '../../../lib/db/versions';
import { monthFileName, monthOf, tombstonesFileName } from '../../../lib/sync/file-names';
import { idsOf, mergeFile, type FileData } from '../../../lib/sync/merge';
import { isUnchangedImport, publishedSessions, publishedTombstones } from '../../../lib/sync/publish';
import { HOUR, MINUTE } from '../../../lib/time/clock';
import { seededRandom } from '../../support/seeded-random';

/**
 * Devices as the engine keeps them, without the database or the server: each publishes its
 * files as `publishedSessions` says, and merges others' files with `mergeFile`. What is
 * checked is the merge rule itself, over many random histories.
 */
interface Device {
  id: string;
  sessions: Map<string, SessionRecord>;
  deletedAt: Map<string, number>;
  clockOffset: number;
  /** The folder's files this device wrote, as last written. */
  files: Map<string, FileData>;
}

/** Session starts on both sides of month ends, so edits move sessions between month files. */
const STARTS = [Date.UTC(2026, 9, 31, 23, 0), Date.UTC(2026, 10, 1, 0, 30), Date.UTC(2026, 10, 15, 9), Date.UTC(2026, 11, 1, 8)];

function newDevice(n: number, random: () => number): Device {
  return { id: `device${n}`.padEnd(16, 'x'), sessions: new Map(), deletedAt: new Map(), clockOffset: Math.round((random() - 0.5) * 2 * HOUR), files: new Map() };
}

function apply(device: Device, data: FileData, own: boolean): boolean {
  const ids = idsOf(data);
  const local = {
    sessions: new Map(ids.filter((id) => device.sessions.has(id)).map((id) => [id, device.sessions.get(id)!])),
    deletedAt: new Map(ids.filter((id) => device.deletedAt.has(id)).map((id) => [id, device.deletedAt.get(id)!])),
  };
  const plan = mergeFile(local, data, own);
  for (const s of plan.remove) device.sessions.delete(s.id);
  for (const s of plan.put) device.sessions.set(s.id, s);
  for (const t of plan.tombstones) device.deletedAt.set(t.id, t.deletedAt);
  return plan.put.length + plan.remove.length + plan.tombstones.length > 0;
}

/** Writes the device's files from scratch, stamping its local copies as the store does; every published version goes into `history`. */
function publish(device: Device, history: SessionRecord[]): void {
  const files = new Map<string, FileData>();
  for (const session of publishedSessions([...device.sessions.values()], device.id)) {
    const name = monthFileName(device.id, monthOf(session.start));
    const file = files.get(name) ?? { sessions: [], tombstones: [] };
    files.set(name, { ...file, sessions: [...file.sessions, session] });
    history.push(session);
    device.sessions.set(session.id, { ...device.sessions.get(session.id)!, recordedBy: session.recordedBy });
  }
  const tombstones: TombstoneRecord[] = [...device.deletedAt].map(([id, deletedAt]) => ({ table: 'sessions', id, deletedAt }));
  files.set(tombstonesFileName(device.id), { sessions: [], tombstones: publishedTombstones(tombstones) });
  device.files = files;
}

function allFiles(devices: readonly Device[]): Array<[owner: Device, data: FileData]> {
  return devices.flatMap((d) => [...d.files.values()].map((data) => [d, data] as [Device, FileData]));
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Every session as every device should hold it: the latest version published anywhere, unless a deletion at or after it. */
function expected(history: readonly SessionRecord[], deletions: ReadonlyMap<string, number>): string[] {
  const latest = new Map<string, SessionRecord>();
  for (const s of history) latest.set(s.id, latest.has(s.id) ? laterVersion(latest.get(s.id)!, s) : s);
  return [...latest.values()].filter((s) => s.updatedAt > (deletions.get(s.id) ?? -1)).map(canonical).sort();
}

const contents = (device: Device) => [...device.sessions.values()].map(canonical).sort();

/** A random history: devices record, edit (their own time or others'), move and delete sessions, and sync now and then with what they see. */
function simulate(seed: number) {
  const random = seededRandom(seed);
  const devices = Array.from({ length: 2 + Math.floor(random() * 3) }, (_, n) => newDevice(n, random));
  const history: SessionRecord[] = [];
  const deletions = new Map<string, number>();
  let world = Date.UTC(2026, 11, 2, 8);
  let ids = 0;
  for (let step = 0; step < 60; step++) {
    world += Math.floor(random() * 20 * MINUTE);
    const device = devices[Math.floor(random() * devices.length)]!;
    const now = world + device.clockOffset;
    const present = [...device.sessions.values()];
    const choice = random();
    if (choice < 0.25 || present.length === 0) {
      const start = STARTS[Math.floor(random() * STARTS.length)]! + Math.floor(random() * 50) * MINUTE;
      const id = `s${++ids}`;
      device.sessions.set(id, { id, start, end: start + 10 * MINUTE, clientId: 'c', platform: 'facebook', account: null, activity: 'browsing', source: 'auto', createdAt: now, updatedAt: now });
    } else if (choice < 0.5) {
      const s = present[Math.floor(random() * present.length)]!;
      const start = random() < 0.3 ? STARTS[Math.floor(random() * STARTS.length)]! : s.start;
      device.sessions.set(s.id, { ...s, start, end: start + 10 * MINUTE, note: `${device.id} at ${step}`, updatedAt: nextVersion(s.updatedAt, now) });
    } else if (choice < 0.62) {
      const s = present[Math.floor(random() * present.length)]!;
      const at = Math.max(nextVersion(s.updatedAt, now), device.deletedAt.get(s.id) ?? 0);
      device.sessions.delete(s.id);
      device.deletedAt.set(s.id, at);
      deletions.set(s.id, Math.max(at, deletions.get(s.id) ?? 0));
    } else {
      publish(device, history);
      // Some of the folder's files, in any order, some twice.
      for (const [owner, data] of shuffled(allFiles(devices), random)) {
        if (random() < 0.6) apply(device, data, owner === device);
        if (random() < 0.2) apply(device, data, owner === device);
      }
    }
  }
  // Everyone syncs until nothing changes: publish, then merge every file in a random order, with repetitions.
  let rounds = 0;
  for (let changed = true; changed; rounds++) {
    if (rounds > 4) throw new Error(`seed ${seed}: still changing after ${rounds} rounds`);
    changed = false;
    for (const device of devices) publish(device, history);
    for (const device of devices) {
      for (const [owner, data] of shuffled([...allFiles(devices), ...allFiles(devices).filter(() => random() < 0.3)], random)) {
        if (apply(device, data, owner === device)) changed = true;
      }
    }
  }
  return { devices, history, deletions, random };
}

describe('merging sync files', () => {
  it('leaves every device with the same sessions: each one\'s latest version, no deleted one, none twice', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { devices, history, deletions } = simulate(seed);
      const want = expected(history, deletions);
      for (const device of devices) {
        expect(contents(device), `seed ${seed}, ${device.id}`).toEqual(want);
        expect(device.sessions.size, `seed ${seed}: a session twice`).toBe(new Set([...device.sessions.values()].map((s) => s.id)).size);
      }
    }
  });

  it('gives the same result whatever the order of the files and however often each is merged', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const { devices, random } = simulate(seed);
      const files = allFiles(devices).map(([, data]) => data);
      const results = [0, 1, 2].map((n) => {
        const fresh = newDevice(90 + n, random);
        for (const data of shuffled([...files, ...files.filter(() => random() < 0.5)], random)) apply(fresh, data, false);
        return contents(fresh);
      });
      expect(results[1], `seed ${seed}`).toEqual(results[0]);
      expect(results[2], `seed ${seed}`).toEqual(results[0]);
      expect(results[0], `seed ${seed}: a new device differs from the others`).toEqual(contents(devices[0]!));
    }
  });

  it('publishes only what a device recorded or changed: an import stays its publisher\'s until changed here', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const { devices } = simulate(seed);
      const publishers = new Map<string, string[]>();
      for (const device of devices) {
        for (const s of device.sessions.values()) if (!isUnchangedImport(s)) publishers.set(s.id, [...(publishers.get(s.id) ?? []), device.id]);
      }
      // Each surviving session is published by exactly one device once everything settled.
      for (const s of devices[0]!.sessions.values()) expect(publishers.get(s.id), `seed ${seed}, ${s.id}`).toHaveLength(1);
    }
  });

  const s: SessionRecord = { id: 'a', start: 0, end: 1, clientId: null, platform: 'manual', account: null, activity: 'call', source: 'manual', createdAt: 5, updatedAt: 5 };

  it('removes a version deleted at the same moment, as a restore does, and keeps the deletion for older copies', () => {
    const plan = mergeFile({ sessions: new Map([['a', s]]), deletedAt: new Map() }, { sessions: [], tombstones: [{ table: 'sessions', id: 'a', deletedAt: 5 }] }, false);
    expect(plan.remove).toEqual([s]);
    expect(plan.tombstones).toEqual([{ table: 'sessions', id: 'a', deletedAt: 5 }]);
    expect(mergeFile({ sessions: new Map(), deletedAt: new Map([['a', 5]]) }, { sessions: [s], tombstones: [] }, false).put).toEqual([]);
  });

  it('takes a version from a file of this device\'s own as its own to publish', () => {
    const local = { sessions: new Map(), deletedAt: new Map() };
    expect(mergeFile(local, { sessions: [s], tombstones: [] }, true).put).toEqual([s]);
    expect(mergeFile(local, { sessions: [s], tombstones: [] }, false).put).toEqual([{ ...s, remoteVersion: 5 }]);
  });
});
