import type { SessionRecord, TombstoneRecord } from '../db/records';
import { canonical, laterVersion } from '../db/versions';

/** What one file of the folder brings: a month's sessions, or a device's deletions. */
export interface FileData {
  sessions: readonly SessionRecord[];
  tombstones: readonly TombstoneRecord[];
}

/** This device's copies of what a file names (`idsOf`): sessions, and when it knows them deleted. */
export interface LocalCopies {
  sessions: ReadonlyMap<string, SessionRecord>;
  deletedAt: ReadonlyMap<string, number>;
}

export interface MergeCounts {
  added: number;
  updated: number;
  removed: number;
}

export interface MergePlan {
  put: SessionRecord[];
  remove: SessionRecord[];
  tombstones: TombstoneRecord[];
  counts: MergeCounts;
}

/** The session ids a file names, whose local copies the merge needs. */
export function idsOf(data: FileData): string[] {
  return [...new Set([...data.sessions.map((s) => s.id), ...data.tombstones.filter((t) => t.table === 'sessions').map((t) => t.id)])];
}

/**
 * What merging one device's file writes here, per session, as a restore does: the later
 * version wins (`laterVersion`), and a deletion at or after it removes it. The result
 * depends only on the set of versions and deletions seen, so files merged in any order,
 * any number of times, leave every device with the same sessions.
 *
 * An imported winner is marked with `remoteVersion`: this device leaves it to the device
 * that published it. `own` says the file has this device's name (written by another tab
 * of this browser, or by a copy of this profile): what it brings is this device's to
 * publish, so it is taken without the mark, and not left out of this device's next write.
 */
export function mergeFile(local: LocalCopies, data: FileData, own: boolean): MergePlan {
  const incoming = new Map<string, SessionRecord>();
  for (const { remoteVersion: _, ...published } of data.sessions) {
    const seen = incoming.get(published.id);
    incoming.set(published.id, seen ? laterVersion(seen, published) : published);
  }
  const deletions = new Map<string, number>();
  for (const t of data.tombstones) if (t.table === 'sessions' && t.deletedAt > (deletions.get(t.id) ?? -1)) deletions.set(t.id, t.deletedAt);

  const plan: MergePlan = { put: [], remove: [], tombstones: [], counts: { added: 0, updated: 0, removed: 0 } };
  for (const [id, at] of deletions) if (at > (local.deletedAt.get(id) ?? -1)) plan.tombstones.push({ table: 'sessions', id, deletedAt: at });

  for (const id of new Set([...incoming.keys(), ...deletions.keys()])) {
    const mine = local.sessions.get(id);
    const theirs = incoming.get(id);
    const winner = mine && theirs ? laterVersion(mine, theirs) : (mine ?? theirs);
    if (!winner) continue;
    if (winner.updatedAt <= Math.max(local.deletedAt.get(id) ?? -1, deletions.get(id) ?? -1)) {
      if (mine) {
        plan.remove.push(mine);
        plan.counts.removed += 1;
      }
    } else if (winner !== mine && !(mine && canonical(mine) === canonical(winner))) {
      plan.put.push(own ? winner : { ...winner, remoteVersion: winner.updatedAt });
      plan.counts[mine ? 'updated' : 'added'] += 1;
    }
  }
  return plan;
}
