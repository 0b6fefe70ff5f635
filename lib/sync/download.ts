import { sameVersion } from './etag';
import { SyncFileError, unseal } from './envelope';
import { deviceIdentityOf, DeviceFileSchema, SessionsFileSchema, TombstonesFileSchema } from './file-contents';
import { parseFileName, type SyncFileName } from './file-names';
import type { FileData } from './merge';
import { contentHash } from './publish';
import type { SyncRun } from './run';
import type { SyncFileRecord } from './sync-records';
import { DavError, type DavClient, type RemoteFile } from './webdav';

/** Names and deletions before sessions: a session deleted elsewhere is then never imported only to be removed. */
const ORDER: Record<SyncFileName['kind'], number> = { device: 0, tombstones: 1, sessions: 2 };

/**
 * Reads and merges every file of the folder that changed since it was last read, one by one:
 * a file that cannot be used is reported and skipped, the others are read all the same.
 * `retryProblems` reads again the files skipped before for a problem.
 */
export async function downloadChanges(run: SyncRun, listed: readonly RemoteFile[], retryProblems: boolean): Promise<void> {
  const { store, device, report } = run;
  const known = await store.files();
  const present = new Set(listed.map((f) => f.name));
  const gone: string[] = [];
  for (const [name, row] of known) {
    const parsed = parseFileName(name);
    if (present.has(name) || !parsed) continue;
    // An own file removed from the folder is written again, from scratch; others' are forgotten.
    if (parsed.device !== device.id) gone.push(name);
    else if (row.etag !== null) await store.saveFile({ ...row, etag: null, dirty: true });
  }
  await store.forgetFiles(gone);

  const files = listed
    .map((file) => ({ file, parsed: parseFileName(file.name) }))
    .filter((f): f is { file: RemoteFile; parsed: SyncFileName } => f.parsed !== null)
    .sort((a, b) => ORDER[a.parsed.kind] - ORDER[b.parsed.kind] || (a.file.name < b.file.name ? -1 : 1));
  const lastSeen = new Map<string, number>();
  for (const { file, parsed } of files) {
    if (file.modified !== null) lastSeen.set(parsed.device, Math.max(lastSeen.get(parsed.device) ?? 0, file.modified));
    const row = known.get(file.name);
    if (row?.etag != null && sameVersion(row.etag, file.etag) && !(row.problem && retryProblems)) {
      if (row.problem) report.problems.push({ file: file.name, code: row.problem });
      report.files.skipped += 1;
    } else {
      await readFile(run, file.name, parsed, row?.etag ?? undefined, file.etag);
    }
  }
  await store.markSeen(lastSeen);
}

/**
 * Downloads one file and merges what it holds. `known` is the ETag of the version already
 * read (the server answers 'not-modified' when it still is; `listed` is then what the
 * listing calls that version).
 */
export async function readFile(run: SyncRun, name: string, parsed: SyncFileName, known?: string, listed?: string): Promise<void> {
  const { store, device, key, report } = run;
  const own = parsed.device === device.id;
  const row: SyncFileRecord = (await store.file(name)) ?? { name, etag: null };
  const got = await getIfPresent(run.dav, name, known);
  if (got === 'not-modified') {
    report.files.skipped += 1;
    if (listed !== undefined) await store.saveFile({ ...row, etag: listed });
    return;
  }
  if (got === null) {
    if (own) await store.saveFile({ ...row, etag: null, dirty: true });
    else await store.forgetFiles([name]);
    return;
  }
  report.files.downloaded += 1;
  try {
    if (parsed.kind === 'device') {
      const contents = await unseal(key, name, got.body, DeviceFileSchema);
      if (own) await store.saveFile({ name, etag: got.etag, hash: await contentHash(deviceIdentityOf(contents)), dirty: true });
      else {
        await store.saveDevice({ id: parsed.device, ...contents });
        await store.saveFile({ name, etag: got.etag });
      }
      return;
    }
    const data: FileData =
      parsed.kind === 'sessions'
        ? { sessions: (await unseal(key, name, got.body, SessionsFileSchema)).sessions, tombstones: [] }
        : { sessions: [], tombstones: (await unseal(key, name, got.body, TombstonesFileSchema)).tombstones };
    // An own file is compared with what this device would write now: kept as its last known contents.
    const record: SyncFileRecord = own
      ? { name, etag: got.etag, hash: await contentHash(parsed.kind === 'sessions' ? { sessions: data.sessions } : { tombstones: data.tombstones }), dirty: true, ...(parsed.kind === 'sessions' ? { ids: data.sessions.map((s) => s.id) } : {}) }
      : { name, etag: got.etag };
    const counts = await store.mergeFile(record, data, device.id);
    report.sessions.added += counts.added;
    report.sessions.updated += counts.updated;
    report.sessions.removed += counts.removed;
  } catch (error) {
    if (!(error instanceof SyncFileError)) throw error;
    report.problems.push({ file: name, code: error.code });
    // A damaged file of this device's own is replaced by its next write; another device's is left alone until it changes.
    await store.saveFile(own ? { name, etag: got.etag, dirty: true } : { name, etag: got.etag, problem: error.code });
  }
}

async function getIfPresent(dav: DavClient, name: string, etag?: string) {
  try {
    return await dav.get(name, etag);
  } catch (error) {
    // Removed between the listing and now.
    if (error instanceof DavError && error.code === 'not-found') return null;
    throw error;
  }
}
