import type { Clock } from '../time/clock';
import type { SyncStore } from './store';
import type { DeviceIdentity, FileProblem, SyncErrorCode } from './sync-records';
import type { DavClient } from './webdav';

/** What one sync did, for the dashboard. */
export interface SyncReport {
  startedAt: number;
  finishedAt: number;
  files: { downloaded: number; skipped: number; uploaded: number };
  sessions: { added: number; updated: number; removed: number };
  /** Files skipped for a problem of their own; the others were synced. */
  problems: FileProblem[];
  /** How far this computer's clock is ahead of the server's (negative: behind); null when the server does not say. */
  serverClockSkewMs: number | null;
  /** What stopped the sync, or null. What was merged or written before it stays. */
  error: SyncErrorCode | null;
}

/** One sync's means and its report, passed to each of its steps. */
export interface SyncRun {
  dav: DavClient;
  key: CryptoKey;
  device: DeviceIdentity;
  store: SyncStore;
  now: Clock;
  report: SyncReport;
}
