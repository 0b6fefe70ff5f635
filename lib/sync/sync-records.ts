import type { SyncFileProblem } from './envelope';
import type { DavErrorCode } from './webdav';

/** This browser in the sync folder: its id names its files; the names are shown to the others. */
export interface DeviceIdentity {
  /** `[a-z0-9]{16}`, from `newDeviceId`. */
  id: string;
  name: string;
  /** The member of the agency whose time this browser records. */
  member: string;
}

/** What stops a whole sync: the server's answer, or a folder this key cannot use. */
export type SyncErrorCode = DavErrorCode | SyncFileProblem | 'key-missing';

/** A file that could not be used, and why; the others are synced all the same. */
export interface FileProblem {
  file: string;
  code: SyncFileProblem | 'conflict';
}

/**
 * What this device knows of one file of the folder (`syncFiles`).
 * Others' files: the ETag of the version merged, so an unchanged file is not downloaded again.
 * Its own files: the ETag, digest and sessions of the version last written or read, so
 * unchanged contents are not uploaded again, a write never replaces a version it has not
 * seen, and a session that leaves the file (moved, deleted, replaced) marks it to write.
 */
export interface SyncFileRecord {
  name: string;
  /** null: an own file not yet written (created with If-None-Match: *). */
  etag: string | null;
  hash?: string;
  /** Own month files: the ids of the sessions the file holds (multi-entry index). */
  ids?: string[];
  /** Own files: contents may have changed since it was written. */
  dirty?: boolean;
  /** Others' files that could not be used at this ETag: not downloaded again until they change, or until a full check (the extension may read them since). */
  problem?: SyncFileProblem;
}

/** Another device of the folder, from its `.device` file, for the dashboard and members' reports (`syncDevices`). */
export interface SyncDeviceRecord {
  id: string;
  name: string;
  member: string;
  /** That device's clock when it wrote its file. */
  writtenAt: number;
  /** The server's time of that device's latest file: when it last published, by one clock for every device. */
  lastSeen: number | null;
}

/** The sync's own progress (`syncConfig`, row 'state'). */
export interface SyncStateRecord {
  id: 'state';
  /** Local changes at or after this time are not yet published (the `updatedAt` and `deletedAt` indexes find them). */
  publishedSince: number | null;
  /** Last time every month was compared with its file, for changes the indexes cannot find (a restored backup, a clock set back). */
  fullCheckAt: number | null;
  lastSyncAt: number | null;
  lastError: SyncErrorCode | null;
  problems: FileProblem[];
  /** How far this computer's clock is ahead of the server's (negative: behind). */
  serverClockSkewMs: number | null;
}

/** The folder's key and this device's identity, kept by the extension (`syncConfig`, row 'connection'); never the passphrase. */
export interface SyncConnectionRecord {
  id: 'connection';
  key: CryptoKey;
  device: DeviceIdentity;
}

export type SyncConfigRecord = SyncStateRecord | SyncConnectionRecord;
