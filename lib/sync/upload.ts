import { MINUTE } from '../time/clock';
import { readFile } from './download';
import { seal } from './envelope';
import { deviceIdentityOf } from './file-contents';
import { deviceFileName, parseFileName, type SyncFileName } from './file-names';
import { contentHash, publishedTombstones } from './publish';
import type { SyncRun } from './run';
import { DavError } from './webdav';

/**
 * How long a write may take between reading the clock and committing. Changes are found by
 * their time (`updatedAt`, `deletedAt`); one dated just before a sync but committed just
 * after it is found by the next, since each looks back this far. A margin costs a month
 * compared again, not an upload.
 */
export const WRITE_MARGIN_MS = 5 * MINUTE;

/** Deletions first: a session that leaves a month file because it was deleted is gone everywhere at once. */
const ORDER: Record<SyncFileName['kind'], number> = { device: 0, tombstones: 1, sessions: 2 };

/**
 * Writes this device's files whose contents changed: its description, its deletions and
 * the months where it recorded or changed time. `since` null compares every month.
 */
export async function publishChanges(run: SyncRun, since: number | null): Promise<void> {
  const { store, device } = run;
  await store.markChanged(device.id, since, run.now() - WRITE_MARGIN_MS);
  const dirty = [...(await store.files()).values()]
    .filter((row) => row.dirty)
    .map((row) => ({ name: row.name, parsed: parseFileName(row.name) }))
    .filter((f): f is { name: string; parsed: SyncFileName } => f.parsed?.device === device.id && f.parsed.kind !== 'device')
    .sort((a, b) => ORDER[a.parsed.kind] - ORDER[b.parsed.kind] || (a.name < b.name ? -1 : 1));
  await publishFile(run, { kind: 'device', device: device.id }, deviceFileName(device.id));
  for (const { name, parsed } of dirty) await publishFile(run, parsed, name);
}

/**
 * Writes one own file if its contents differ from its last known version, never over a
 * version it has not read: on a conflict (another tab of this browser, or a copy of this
 * profile, wrote it), it reads and merges that version, then tries once more.
 */
async function publishFile(run: SyncRun, parsed: SyncFileName, name: string): Promise<void> {
  const { store, dav, key, report } = run;
  for (let attempt = 1; ; attempt++) {
    const row = await store.file(name);
    const next = await contentsOf(run, parsed);
    if (row?.etag && row.hash === next.hash) {
      await store.saveFile({ ...row, dirty: false });
      return;
    }
    if (!row?.etag && next.empty) {
      await store.forgetFiles([name]);
      return;
    }
    try {
      const { etag } = await dav.put(name, await seal(key, name, next.contents), row?.etag ? { ifMatch: row.etag } : { ifNoneMatch: '*' });
      await store.saveFile({ name, etag, hash: next.hash, ...(next.ids ? { ids: next.ids } : {}) });
      report.files.uploaded += 1;
      return;
    } catch (error) {
      if (!(error instanceof DavError && error.code === 'conflict')) throw error;
      if (attempt === 2) {
        report.problems.push({ file: name, code: 'conflict' });
        return;
      }
      await readFile(run, name, parsed);
    }
  }
}

async function contentsOf(run: SyncRun, parsed: SyncFileName): Promise<{ contents: unknown; hash: string; empty: boolean; ids?: string[] }> {
  const { store, device, now } = run;
  switch (parsed.kind) {
    case 'device': {
      const identity = deviceIdentityOf(device);
      return { contents: { ...identity, writtenAt: now() }, hash: await contentHash(identity), empty: false };
    }
    case 'tombstones': {
      const contents = { tombstones: publishedTombstones(await store.tombstonesToPublish()) };
      return { contents, hash: await contentHash(contents), empty: contents.tombstones.length === 0 };
    }
    case 'sessions': {
      const contents = { sessions: await store.monthToPublish(device.id, parsed.month) };
      return { contents, hash: await contentHash(contents), empty: contents.sessions.length === 0, ids: contents.sessions.map((s) => s.id) };
    }
  }
}
