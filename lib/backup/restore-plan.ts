import type { ClientRecord, EditRecord, InvoiceRecord, RuleRecord, SessionRecord, TombstoneRecord, TombstoneTable } from '../db/records';
import type { Backup } from './backup-schema';
import { canonical, dated, laterVersion } from '../db/versions';

export interface LocalRecords {
  sessions: Map<string, SessionRecord>;
  clients: Map<string, ClientRecord>;
  rules: Map<string, RuleRecord>;
  edits: Set<string>;
  invoices: Map<string, InvoiceRecord>;
  /** Keyed by `tombstoneKey`. */
  tombstones: Map<string, TombstoneRecord>;
}

export interface RestorePlan {
  sessions: { put: SessionRecord[]; remove: SessionRecord[] };
  clients: { put: ClientRecord[]; remove: string[] };
  rules: { put: RuleRecord[]; remove: string[] };
  edits: EditRecord[];
  invoices: InvoiceRecord[];
  tombstones: TombstoneRecord[];
}

export interface RestoreCounts {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
}

type Dated<T> = T & { updatedAt: number };
const maybeDated = <T extends { createdAt: number; updatedAt?: number }>(record: T | undefined) => record && dated(record);

export const tombstoneKey = (table: TombstoneTable, id: string) => `${table}/${id}`;

/**
 * What restoring a backup writes. Each record's versions merge as a set union with
 * deletions ("the later edit wins"):
 * - a session takes its latest version, here or in the file; a deletion at the same time
 *   or later than that version removes it, and is kept to remove any older copy later;
 * - times in the file after its own export (or after now) are taken as that moment, so a
 *   file with a clock far ahead cannot win against every later correction;
 * - clients and rules the same way, by their edit time (`versionOf`: their creation for
 *   records saved before edit times were kept);
 * - the history is added when missing and never deleted;
 * - an invoiced period unlocked on either side is unlocked (the unlock came later).
 * Restoring the same file twice writes nothing the second time, and files from several
 * browsers give the same database in any order.
 */
export function planRestore(local: LocalRecords, backup: Backup, now: number): { plan: RestorePlan; counts: RestoreCounts } {
  const counts: RestoreCounts = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  const limit = Math.min(backup.exportedAt, now);
  const clamp = (at: number) => Math.min(at, limit);

  const tombstones = new Map<string, TombstoneRecord>();
  const deletedAt = (table: TombstoneTable, id: string) =>
    Math.max(tombstones.get(tombstoneKey(table, id))?.deletedAt ?? -1, local.tombstones.get(tombstoneKey(table, id))?.deletedAt ?? -1);
  for (const incoming of backup.tombstones) {
    const key = tombstoneKey(incoming.table, incoming.id);
    const at = clamp(incoming.deletedAt);
    if (at > deletedAt(incoming.table, incoming.id)) tombstones.set(key, { ...incoming, deletedAt: at });
  }

  const plan: RestorePlan = { sessions: { put: [], remove: [] }, clients: { put: [], remove: [] }, rules: { put: [], remove: [] }, edits: [], invoices: [], tombstones: [...tombstones.values()] };

  /** Takes each record's later version, here or in the file; a deletion at or after that version removes it. */
  const merge = <T extends { id: string; updatedAt: number }>(table: TombstoneTable, incoming: readonly T[], mine: (id: string) => T | undefined, target: { put: T[]; remove: T[] }) => {
    const theirs = new Map(incoming.map((r) => [r.id, { ...r, updatedAt: clamp(r.updatedAt) }]));
    const touched = new Set([...theirs.keys(), ...backup.tombstones.filter((t) => t.table === table).map((t) => t.id)]);
    for (const id of touched) {
      const here = mine(id);
      const there = theirs.get(id);
      if (!here && !there) continue;
      const winner = here && there ? laterVersion(here, there) : (here ?? there)!;
      if (winner.updatedAt <= deletedAt(table, id)) {
        if (here) {
          target.remove.push(here);
          counts.removed += 1;
        } else counts.unchanged += 1;
      } else if (winner === here || (here && canonical(here) === canonical(winner))) {
        counts.unchanged += 1;
      } else {
        target.put.push(winner);
        counts[here ? 'updated' : 'added'] += 1;
      }
    }
  };
  merge('sessions', backup.sessions, (id) => local.sessions.get(id), plan.sessions);

  const clients = { put: [] as Dated<ClientRecord>[], remove: [] as Dated<ClientRecord>[] };
  merge('clients', backup.clients.map(dated), (id) => maybeDated(local.clients.get(id)), clients);
  plan.clients = { put: clients.put, remove: clients.remove.map((c) => c.id) };
  const rules = { put: [] as Dated<RuleRecord>[], remove: [] as Dated<RuleRecord>[] };
  merge('rules', backup.rules.map(dated), (id) => maybeDated(local.rules.get(id)), rules);
  plan.rules = { put: rules.put, remove: rules.remove.map((r) => r.id) };

  for (const edit of backup.edits) {
    if (local.edits.has(edit.id)) counts.unchanged += 1;
    else {
      plan.edits.push(edit);
      counts.added += 1;
    }
  }
  for (const incoming of backup.invoices) {
    const theirs = incoming.unlockedAt === null ? incoming : { ...incoming, unlockedAt: Math.max(clamp(incoming.unlockedAt), incoming.invoicedAt) };
    const mine = local.invoices.get(incoming.id);
    if (!mine) {
      plan.invoices.push(theirs);
      counts.added += 1;
    } else if (theirs.unlockedAt !== null && (mine.unlockedAt === null || theirs.unlockedAt > mine.unlockedAt)) {
      plan.invoices.push(theirs);
      counts.updated += 1;
    } else counts.unchanged += 1;
  }
  return { plan, counts };
}
