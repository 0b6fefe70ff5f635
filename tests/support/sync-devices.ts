import { expect } from 'vitest';
import { SessionCommands } from '../../lib/background/session-commands';
import { SocialHoursDatabase } from '../../lib/db/database';
import { pastDayTotals } from '../../lib/db/day-totals';
import type { SessionRecord } from '../../lib/db/records';
import { canonical } from '../../lib/db/versions';
import { unseal } from '../../lib/sync/envelope';
import { connect, runSync, type SyncReport } from '../../lib/sync/engine';
import { SessionsFileSchema } from '../../lib/sync/file-contents';
import { parseFileName } from '../../lib/sync/file-names';
import { DatabaseSyncStore } from '../../lib/sync/sync-store';
import type { DeviceIdentity } from '../../lib/sync/sync-records';
import type { DavClient } from '../../lib/sync/webdav';
import { MINUTE } from '../../lib/time/clock';
import type { TimeRange } from '../../lib/time/local-day';

export const ITERATIONS = 1000;
export const PASSPHRASE = 'agency folder passphrase';

/**
 * Browsers sharing one sync folder, each with its own database and its own clock: the
 * server's, read with an offset. Subclasses provide the folder, in memory or on a real server.
 */
export abstract class SyncWorld {
  abstract readonly dav: DavClient;
  /** The days the sessions are recorded on, over which the devices' day totals are compared. */
  abstract readonly days: TimeRange;
  /** The time the server puts in its answers. */
  abstract serverTime(): number;
  /** The folder's files as the server keeps them, by name. */
  abstract storedFiles(): Promise<Map<string, Uint8Array>>;
  private databases = 0;

  /** A browser with its own database, connected to the folder (set up by the first). */
  async device(name: string, { clockOffset = 0, dav = this.dav }: { clockOffset?: number; dav?: DavClient } = {}): Promise<TestDevice> {
    const db = new SocialHoursDatabase(`sync-${name}-${++this.databases}-${Math.random()}`);
    await db.open();
    await db.clients.put({ id: 'dupont', name: 'Dupont', color: '#c2410c', archived: false, createdAt: 1 });
    const now = () => this.serverTime() + clockOffset;
    const connected = await connect({ dav, passphrase: PASSPHRASE, iterations: ITERATIONS, now });
    if (!connected.ok) throw new Error(connected.error);
    const identity = { id: `${name}`.padEnd(16, '0').slice(0, 16), name: `${name}'s browser`, member: `Member ${name}` };
    return new TestDevice(db, identity, connected.key, dav, now, this.days);
  }

  /**
   * Nothing lost, nothing doubled: every device holds the same sessions and day totals, each
   * session recorded on any of them is there unless it was deleted, and the folder publishes
   * each of them in exactly one month file.
   */
  async expectConverged(devices: readonly TestDevice[]): Promise<void> {
    const [first, ...others] = devices as [TestDevice, ...TestDevice[]];
    const sessions = await first.sessions();
    const totals = await first.totals();
    for (const other of others) {
      expect(await other.sessions(), other.identity.name).toEqual(sessions);
      expect(await other.totals(), other.identity.name).toEqual(totals);
    }
    const present = (await first.db.sessions.toCollection().primaryKeys()) as string[];
    const deleted = new Set((await first.db.tombstones.toArray()).filter((t) => t.table === 'sessions').map((t) => t.id));
    const kept = new Set(present);
    expect(devices.flatMap((d) => d.recorded).filter((id) => !kept.has(id) && !deleted.has(id)), 'sessions lost').toEqual([]);
    const published: string[] = [];
    for (const [name, body] of await this.storedFiles()) {
      if (parseFileName(name)?.kind === 'sessions') published.push(...(await unseal(first.key, name, body, SessionsFileSchema)).sessions.map((s) => s.id));
    }
    expect(published.sort(), 'sessions in the month files').toEqual([...present].sort());
  }
}

export class TestDevice {
  readonly store: DatabaseSyncStore;
  readonly commands: SessionCommands;
  /** The ids of the sessions recorded here, which no sync may lose. */
  readonly recorded: string[] = [];
  private ids = 0;
  /** Told apart from a copy of the same profile, which records under the same device id. */
  private readonly instance = Math.random().toString(36).slice(2, 6);

  constructor(
    readonly db: SocialHoursDatabase,
    readonly identity: DeviceIdentity,
    readonly key: CryptoKey,
    public dav: DavClient,
    readonly now: () => number,
    private readonly days: TimeRange,
  ) {
    this.store = new DatabaseSyncStore(db);
    this.commands = new SessionCommands(db, () => `${identity.id}-split-${++this.ids}`);
  }

  sync(options: { full?: boolean } = {}): Promise<SyncReport> {
    return runSync({ dav: this.dav, key: this.key, device: this.identity, store: this.store, now: this.now, ...options });
  }

  /** A manual entry, as the user adds one (the tracker's sessions are written the same way, dated now). */
  async record(start: number, minutes = 30, extra: Partial<SessionRecord> = {}): Promise<SessionRecord> {
    const now = this.now();
    const session: SessionRecord = {
      id: `${this.identity.id}-${this.instance}-${++this.ids}`, start, end: start + minutes * MINUTE, clientId: 'dupont', platform: 'manual', account: null,
      activity: 'call', source: 'manual', createdAt: now, updatedAt: now, ...extra,
    };
    const result = await this.commands.addManual([session], now);
    if (!result.ok) throw new Error(JSON.stringify(result));
    this.recorded.push(session.id);
    return session;
  }

  async edit(id: string, note: string): Promise<void> {
    const result = await this.commands.update(id, { note }, this.now());
    if (!result.ok) throw new Error(JSON.stringify(result));
  }

  async remove(id: string): Promise<void> {
    const result = await this.commands.remove([id], this.now());
    if (!result.ok) throw new Error(JSON.stringify(result));
  }

  /** The sessions as every device should agree on them: where each came from (`remoteVersion`) is this device's own business. */
  async sessions(): Promise<string[]> {
    return (await this.db.sessions.orderBy('id').toArray()).map(canonical);
  }

  /** Cached per-day totals over the world's days (computed and stored when missing). */
  async totals(): Promise<Array<Record<string, number>>> {
    return (await pastDayTotals(this.db, this.days, this.days.to)).map((d) => d.byClient);
  }
}

/** Runs syncs on every device, in turn, until a whole round changes nothing anywhere. */
export async function settle(devices: readonly TestDevice[]): Promise<void> {
  for (let round = 0; round < 5; round++) {
    let changed = false;
    for (const device of devices) {
      const report = await device.sync();
      if (report.error) throw new Error(`${device.identity.id}: ${report.error}`);
      if (report.files.uploaded + report.files.downloaded > 0) changed = true;
    }
    if (!changed) return;
  }
  throw new Error('still syncing after five rounds');
}
