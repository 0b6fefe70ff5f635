import Dexie from 'dexie';
import type { SocialHoursDatabase } from '../db/database';
import { invalidateDays } from '../db/day-totals';
import type { SessionRecord, TombstoneRecord } from '../db/records';
import { monthFileName, monthOf, monthRange, monthsBetween, parseFileName, tombstonesFileName } from './file-names';
import { idsOf, mergeFile, type FileData, type MergeCounts } from './merge';
import { isUnchangedImport, publishedSessions } from './publish';
import type { SyncStore } from './store';
import type { SyncConnectionRecord, SyncDeviceRecord, SyncFileRecord, SyncStateRecord } from './sync-records';

const INITIAL_STATE: SyncStateRecord = { id: 'state', publishedSince: null, fullCheckAt: null, lastSyncAt: null, lastError: null, problems: [], serverClockSkewMs: null };

const defined = <T>(value: T | undefined): value is T => value !== undefined;

/**
 * The sync's store in the extension's database. Every write is its own short transaction,
 * one per downloaded file or published month, so the tracker's writes never wait long.
 */
export class DatabaseSyncStore implements SyncStore {
  constructor(private db: SocialHoursDatabase) {}

  async state(): Promise<SyncStateRecord> {
    const row = await this.db.syncConfig.get('state');
    return row?.id === 'state' ? row : INITIAL_STATE;
  }

  async saveState(patch: Partial<Omit<SyncStateRecord, 'id'>>): Promise<void> {
    await this.db.transaction('rw', this.db.syncConfig, async () => {
      await this.db.syncConfig.put({ ...(await this.state()), ...patch });
    });
  }

  async files(): Promise<Map<string, SyncFileRecord>> {
    return new Map((await this.db.syncFiles.toArray()).map((f) => [f.name, f]));
  }

  file(name: string): Promise<SyncFileRecord | undefined> {
    return this.db.syncFiles.get(name);
  }

  async saveFile(record: SyncFileRecord): Promise<void> {
    await this.db.syncFiles.put(record);
  }

  async forgetFiles(names: readonly string[]): Promise<void> {
    await this.db.syncFiles.bulkDelete([...names]);
  }

  mergeFile(record: SyncFileRecord, data: FileData, deviceId: string): Promise<MergeCounts> {
    const own = parseFileName(record.name)?.device === deviceId;
    const db = this.db;
    return db.transaction('rw', [db.sessions, db.tombstones, db.dayTotals, db.syncFiles], async () => {
      const ids = idsOf(data);
      const sessions = new Map((await db.sessions.bulkGet(ids)).filter(defined).map((s) => [s.id, s]));
      const deletedAt = await this.deletionsOf(ids);
      const plan = mergeFile({ sessions, deletedAt }, data, own);
      // The days a session leaves and the days it reaches: both cached totals are stale.
      await invalidateDays(db, [...plan.put.map((s) => sessions.get(s.id)).filter(defined), ...plan.put, ...plan.remove]);
      await db.sessions.bulkDelete(plan.remove.map((s) => s.id));
      await db.sessions.bulkPut(plan.put);
      await db.tombstones.bulkPut(plan.tombstones);

      // This device's files that held a replaced or removed session are written again without
      // it; what a file of its own brings is its to publish, in the month it now belongs to.
      const touched = [...plan.put, ...plan.remove].map((s) => s.id);
      const stale = touched.length > 0 ? ((await db.syncFiles.where('ids').anyOf(touched).distinct().primaryKeys()) as string[]) : [];
      if (own) stale.push(...plan.put.map((s) => monthFileName(deviceId, monthOf(s.start))));
      if (plan.tombstones.length > 0) stale.push(tombstonesFileName(deviceId));
      await this.markDirty(stale.filter((name) => name !== record.name));
      await db.syncFiles.put(record);
      return plan.counts;
    });
  }

  markChanged(deviceId: string, since: number | null, mark: number): Promise<void> {
    const db = this.db;
    return db.transaction('rw', [db.sessions, db.tombstones, db.syncFiles, db.syncConfig], async () => {
      const stale = new Set<string>();
      const ids: string[] = [];
      if (since === null) {
        const first = await db.sessions.orderBy('start').first();
        const last = await db.sessions.orderBy('start').last();
        if (first && last) for (const month of monthsBetween(first.start, last.start)) stale.add(monthFileName(deviceId, month));
        for (const name of (await db.syncFiles.where('name').startsWith(`${deviceId}.`).primaryKeys()) as string[]) stale.add(name);
        stale.add(tombstonesFileName(deviceId));
      } else {
        for (const s of await db.sessions.where('updatedAt').aboveOrEqual(since).toArray()) {
          stale.add(monthFileName(deviceId, monthOf(s.start)));
          ids.push(s.id);
        }
        const deleted = (await db.tombstones.where('deletedAt').aboveOrEqual(since).toArray()).filter((t) => t.table === 'sessions');
        if (deleted.length > 0) stale.add(tombstonesFileName(deviceId));
        ids.push(...deleted.map((t) => t.id));
      }
      // The months a changed session was published in before (it moved, or went).
      if (ids.length > 0) for (const name of (await db.syncFiles.where('ids').anyOf(ids).distinct().primaryKeys()) as string[]) stale.add(name);
      await this.markDirty([...stale]);
      await db.syncConfig.put({ ...(await this.state()), publishedSince: mark, ...(since === null ? { fullCheckAt: mark } : {}) });
    });
  }

  monthToPublish(deviceId: string, month: string): Promise<SessionRecord[]> {
    const { from, to } = monthRange(month);
    return this.db.transaction('rw', this.db.sessions, async () => {
      const sessions = await this.db.sessions.where('start').between(from, to, true, false).toArray();
      // Nobody else has seen these versions yet: naming their device changes what they are, not when.
      await this.db.sessions.bulkPut(sessions.filter((s) => !isUnchangedImport(s) && s.recordedBy === undefined).map((s) => ({ ...s, recordedBy: deviceId })));
      return publishedSessions(sessions, deviceId);
    });
  }

  tombstonesToPublish(): Promise<TombstoneRecord[]> {
    return this.db.tombstones.where('[table+id]').between(['sessions', Dexie.minKey], ['sessions', Dexie.maxKey]).toArray();
  }

  async saveDevice(record: Omit<SyncDeviceRecord, 'lastSeen'>): Promise<void> {
    await this.db.transaction('rw', this.db.syncDevices, async () => {
      await this.db.syncDevices.put({ ...record, lastSeen: (await this.db.syncDevices.get(record.id))?.lastSeen ?? null });
    });
  }

  async markSeen(lastSeen: ReadonlyMap<string, number>): Promise<void> {
    await this.db.transaction('rw', this.db.syncDevices, async () => {
      const devices = (await this.db.syncDevices.bulkGet([...lastSeen.keys()])).filter(defined);
      await this.db.syncDevices.bulkPut(devices.filter((d) => d.lastSeen !== lastSeen.get(d.id)).map((d) => ({ ...d, lastSeen: lastSeen.get(d.id)! })));
    });
  }

  /**
   * When the sessions `ids` were deleted here, for those that were. Each lookup is a request
   * of its own, and in Chromium's IndexedDB a request costs about what reading a dozen records
   * at once does: deletions are few beside sessions, so they are read all at once whenever
   * there are fewer of them than ids. In the caller's transaction.
   */
  private async deletionsOf(ids: readonly string[]): Promise<Map<string, number>> {
    const sessionTombstones = this.db.tombstones.where('[table+id]').between(['sessions', Dexie.minKey], ['sessions', Dexie.maxKey]);
    if ((await sessionTombstones.count()) > ids.length) {
      return new Map((await this.db.tombstones.bulkGet(ids.map((id) => ['sessions', id] as [string, string]))).filter(defined).map((t) => [t.id, t.deletedAt]));
    }
    const wanted = new Set(ids);
    return new Map((await sessionTombstones.toArray()).filter((t) => wanted.has(t.id)).map((t) => [t.id, t.deletedAt]));
  }

  /** In the caller's transaction. */
  private async markDirty(names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    const rows = await this.db.syncFiles.bulkGet([...names]);
    await this.db.syncFiles.bulkPut(names.map((name, i) => ({ ...(rows[i] ?? { name, etag: null }), dirty: true })));
  }
}

/** The folder's key and this device's identity, as the extension keeps them between syncs. */
export async function loadConnection(db: SocialHoursDatabase): Promise<SyncConnectionRecord | null> {
  const row = await db.syncConfig.get('connection');
  return row?.id === 'connection' ? row : null;
}

export async function saveConnection(db: SocialHoursDatabase, connection: Omit<SyncConnectionRecord, 'id'>): Promise<void> {
  await db.syncConfig.put({ id: 'connection', ...connection });
}
