import { canonical, dated, laterVersion } from '../../db/versions';
import type { Entry, ItemValue } from './encode';
import { parseKey, recordKey, type SyncedTable } from './keys';
import type { Dated, RemoteConfig, SyncedTombstone } from './synced-records';

type Versioned = { id: string; createdAt: number; updatedAt?: number };

/** One kind of record on both sides, and where its merge goes. */
export interface RecordSides<T extends Versioned> {
  mine: readonly T[];
  theirs: Map<string, Dated<T>>;
  entry: (record: Dated<T>) => Entry;
  /** Versions to write here, and records to delete here (with the deletion that removes them). */
  put: Dated<T>[];
  remove: (id: string, deletedAt: number) => void;
}

/** What the merges of all kinds share. */
export interface MergeState {
  /** Deletions of both sides, the later of each, by record key. */
  deletions: Map<string, SyncedTombstone>;
  unreadable: RemoteConfig['unreadable'];
  /** What the area's keys hold from now on (null: nothing). */
  targets: Map<string, ItemValue | null>;
  /** Keys of deleted records whose copy was still in the area. */
  copiesSeen: Set<string>;
}

/**
 * Merges one kind of record, id by id: the later version wins (`laterVersion`), a deletion
 * at or after it removes it. An item that cannot be read is left alone when it claims a later
 * version than any known here (still arriving), and written again otherwise (which mends a
 * damaged one). A version that does not `apply` yet is left alone on both sides. Returns the
 * ids that live on, and those left alone.
 */
export function mergeRecords<T extends Versioned>(table: SyncedTable, sides: RecordSides<T>, state: MergeState, applies: (record: Dated<T>) => boolean) {
  const here = new Map(sides.mine.map((r) => [r.id, dated(r)]));
  const ids = new Set([...here.keys(), ...sides.theirs.keys()]);
  for (const t of state.deletions.values()) if (t.table === table) ids.add(t.id);
  for (const key of state.unreadable.keys()) {
    const parsed = parseKey(key);
    if (parsed?.kind === (table === 'clients' ? 'client' : 'rule')) ids.add(parsed.id);
  }

  const alive = new Set<string>();
  const waiting = new Set<string>();
  for (const id of ids) {
    const key = recordKey(table, id);
    const mine = here.get(id);
    const theirs = sides.theirs.get(id);
    const winner = mine && theirs ? laterVersion(mine, theirs) : (mine ?? theirs);
    const deletedAt = state.deletions.get(key)?.deletedAt ?? -1;
    const unreadable = state.unreadable.get(key);
    if (!winner && deletedAt < 0) continue; // only an item nobody here can read: not ours to touch
    if ((unreadable ?? -1) > Math.max(winner?.updatedAt ?? -1, deletedAt) || (winner && winner.updatedAt > deletedAt && !applies(winner))) {
      waiting.add(id);
      continue;
    }
    if (winner && winner.updatedAt > deletedAt) {
      alive.add(id);
      if (!mine || canonical(mine) !== canonical(winner)) sides.put.push(winner);
      // An unreadable item has no `theirs`: written again.
      if (!theirs || canonical(theirs) !== canonical(winner)) state.targets.set(key, sides.entry(winner)[1]);
    } else {
      if (mine) sides.remove(id, deletedAt);
      if (theirs || unreadable !== undefined) {
        state.targets.set(key, null);
        state.copiesSeen.add(key);
      }
    }
  }
  return { alive, waiting };
}
