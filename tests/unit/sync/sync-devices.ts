import { SessionCommands } from '../../../lib/background/session-commands';
import { SocialHoursDatabase } from '../../../lib/db/database';
import { pastDayTotals } from '../../../lib/db/day-totals';
import type { SessionRecord } from '../../../lib/db/records';
import { canonical } from '../../../lib/db/versions';
import { connect, runSync, type SyncReport } from '../../../lib/sync/engine';
import { DatabaseSyncStore } from '../../../lib/sync/sync-store';
import type { DeviceIdentity } from '../../../lib/sync/sync-records';
import type { DavClient } from '../../../lib/sync/webdav';
import { DAY, MINUTE } from '../../../lib/time/clock';
import { FakeDav } from './fake-dav';

export const ITERATIONS = 1000;
export const PASSPHRASE = 'agency folder passphrase';

/** One clock for the world (the server's); each device reads it with its own offset. */
export class World {
  time = Date.UTC(2026, 10, 20, 9);
  dav = new FakeDav(() => this.time);
  private databases = 0;

  advance(ms: number): void {
    this.time += ms;
  }

  /** A browser with its own database, connected to the folder (set up by the first). */
  async device(name: string, { clockOffset = 0, dav }: { clockOffset?: number; dav?: DavClient } = {}): Promise<TestDevice> {
    const db = new SocialHoursDatabase(`sync-${name}-${++this.databases}-${Math.random()}`);
    await db.open();
    await db.clients.put({ id: 'dupont', name: 'Dupont', color: '#c2410c', archived: false, createdAt: 1 });
    const now = () => this.time + clockOffset;
    const connected = await connect({ dav: dav ?? this.dav, passphrase: PASSPHRASE, iterations: ITERATIONS, now });
    if (!connected.ok) throw new Error(connected.error);
    const identity = { id: `${name}`.padEnd(16, '0').slice(0, 16), name: `${name}'s browser`, member: `Member ${name}` };
    return new TestDevice(db, identity, connected.key, dav ?? this.dav, now);
  }
}

export class TestDevice {
  readonly store: DatabaseSyncStore;
  readonly commands: SessionCommands;
  private ids = 0;
  /** Told apart from a copy of the same profile, which records under the same device id. */
  private readonly instance = Math.random().toString(36).slice(2, 6);

  constructor(
    readonly db: SocialHoursDatabase,
    readonly identity: DeviceIdentity,
    readonly key: CryptoKey,
    public dav: DavClient,
    readonly now: () => number,
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

  /** Cached per-day totals over the days the tests use (computed and stored when missing). */
  async totals(): Promise<Array<Record<string, number>>> {
    const from = Date.UTC(2026, 9, 25);
    return (await pastDayTotals(this.db, { from, to: from + 30 * DAY }, Date.UTC(2026, 11, 31))).map((d) => d.byClient);
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
