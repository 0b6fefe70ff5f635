import { sameVersion } from './etag';
import * as v from 'valibot';
import { DAY, type Clock } from '../time/clock';
import { downloadChanges } from './download';
import { SyncFileError } from './envelope';
import { DeviceIdentitySchema } from './file-contents';
import { KEY_FILE, opensCheck, readKeyFile } from './key-file';
import type { SyncReport, SyncRun } from './run';
import type { SyncStore } from './store';
import type { DeviceIdentity, SyncErrorCode, SyncStateRecord } from './sync-records';
import { publishChanges, WRITE_MARGIN_MS } from './upload';
import { DavError, type DavClient, type RemoteFile } from './webdav';

export { connect, type ConnectResult } from './connect';
export type { SyncReport } from './run';

/** How often every month is compared with its file, for changes the indexes do not show (a restored backup, a clock set back). */
export const FULL_CHECK_INTERVAL_MS = DAY;

export interface SyncOptions {
  dav: DavClient;
  key: CryptoKey;
  device: DeviceIdentity;
  store: SyncStore;
  now: Clock;
  /** Compare every month with its file now: after restoring a backup, whose sessions keep their old dates. */
  full?: boolean;
}

/**
 * One sync: checks the key still opens the folder, merges every file that changed since it
 * was read, then writes this device's files whose contents changed. Whole-sync failures
 * (offline, refused, full, another passphrase…) are the report's `error`; what was merged
 * or written before stays, and the next sync carries on from there. An identity that could
 * not name files or be read by the others is a mistake of the caller's, thrown.
 */
export async function runSync(options: SyncOptions): Promise<SyncReport> {
  const { dav, store, now } = options;
  v.assert(DeviceIdentitySchema, options.device);
  const startedAt = now();
  const report: SyncReport = {
    startedAt,
    finishedAt: startedAt,
    files: { downloaded: 0, skipped: 0, uploaded: 0 },
    sessions: { added: 0, updated: 0, removed: 0 },
    problems: [],
    serverClockSkewMs: null,
    error: null,
  };
  const run: SyncRun = { ...options, report };
  const state = await store.state();
  const full = options.full === true || needsFullCheck(state, startedAt);
  try {
    const { files, serverTime } = await dav.list();
    if (serverTime !== null) report.serverClockSkewMs = now() - serverTime;
    report.error = await checkKey(run, files);
    if (report.error === null) {
      await downloadChanges(run, files, full);
      await publishChanges(run, full ? null : state.publishedSince);
    }
  } catch (error) {
    if (!(error instanceof DavError || error instanceof SyncFileError)) throw error;
    report.error = error.code;
  }
  report.finishedAt = now();
  await store.saveState({
    lastError: report.error,
    problems: report.problems,
    serverClockSkewMs: report.serverClockSkewMs,
    ...(report.error === null ? { lastSyncAt: report.finishedAt } : {}),
  });
  return report;
}

/** Daily, on the first sync, and when the clock was set back past the last one (changes since would be dated before it). */
function needsFullCheck(state: SyncStateRecord, now: number): boolean {
  return state.publishedSince === null || state.fullCheckAt === null || now - state.fullCheckAt >= FULL_CHECK_INTERVAL_MS || now - WRITE_MARGIN_MS < state.publishedSince;
}

/**
 * Whether the folder is still the one this key opens: its key file is read again whenever
 * it changes, and a folder set up anew with another passphrase stops the sync before
 * anything is mixed into it.
 */
async function checkKey(run: SyncRun, files: readonly RemoteFile[]): Promise<SyncErrorCode | null> {
  const listed = files.find((f) => f.name === KEY_FILE);
  if (!listed) return 'key-missing';
  const known = (await run.store.file(KEY_FILE))?.etag;
  if (known != null && sameVersion(known, listed.etag)) return null;
  let got;
  try {
    got = await run.dav.get(KEY_FILE);
  } catch (error) {
    if (error instanceof DavError && error.code === 'not-found') return 'key-missing';
    throw error;
  }
  if (got === 'not-modified') return null;
  if (!(await opensCheck(readKeyFile(got.body), run.key))) return 'wrong-passphrase';
  await run.store.saveFile({ name: KEY_FILE, etag: got.etag });
  return null;
}
