import type { SessionRecord, TombstoneRecord } from '../db/records';
import type { FileData, MergeCounts } from './merge';
import type { SyncDeviceRecord, SyncFileRecord, SyncStateRecord } from './sync-records';

/** What the sync engine reads and writes locally; `DatabaseSyncStore` keeps it in the extension's database. */
export interface SyncStore {
  state(): Promise<SyncStateRecord>;
  saveState(patch: Partial<Omit<SyncStateRecord, 'id'>>): Promise<void>;

  files(): Promise<Map<string, SyncFileRecord>>;
  file(name: string): Promise<SyncFileRecord | undefined>;
  saveFile(record: SyncFileRecord): Promise<void>;
  forgetFiles(names: readonly string[]): Promise<void>;

  /**
   * Merges a downloaded file (`mergeFile`) and saves its record, in one transaction; marks
   * the files of `deviceId` that the merge makes stale.
   */
  mergeFile(record: SyncFileRecord, data: FileData, deviceId: string): Promise<MergeCounts>;

  /**
   * Marks the files of `deviceId` that local changes at or after `since` make stale (every
   * one when `since` is null), and remembers `mark` as the next `since`.
   */
  markChanged(deviceId: string, since: number | null, mark: number): Promise<void>;

  /** The month's sessions this device publishes (`publishedSessions`), stamping `recordedBy` on its local copies as on the published ones. */
  monthToPublish(deviceId: string, month: string): Promise<SessionRecord[]>;
  tombstonesToPublish(): Promise<TombstoneRecord[]>;

  /** A device as its file describes it; when it was last seen is kept. */
  saveDevice(record: Omit<SyncDeviceRecord, 'lastSeen'>): Promise<void>;
  /** The server time of each device's latest file. */
  markSeen(lastSeen: ReadonlyMap<string, number>): Promise<void>;
}
