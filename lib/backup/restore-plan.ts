import type { ClientRecord, EditRecord, InvoiceRecord, RuleRecord, SessionRecord, TombstoneRecord, TombstoneTable } from '../db/records';
import type { Backup } from './backup-schema';
import { canonical, laterVersion } from '../db/versions';

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

export const tombstoneKey = (table: TombstoneTable, id: string) => `${table}/${id}`;

/**
 * What restoring a backup writes. Each record's versions merge as a set union with
 * deletions ("the later edit wins"):
 * - a session takes its latest version, here or in the file; a deletion at the same time
 *   or later than that version removes it, and is kept to remove any older copy later;
 * - times in the file after its own export (or after now) are taken as that moment, so a
 *   file with a clock far ahead cannot win against every later correction;
 * - clients, rules and the history are added when missing and not deleted here; a client
 *   or rule deleted in the file is deleted here;
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

  const incomingSessions = new Map(backup.sessions.map((s) => [s.id, { ...s, updatedAt: clamp(s.updatedAt) }]));
  const touched = new Set([...incomingSessions.keys(), ...backup.tombstones.filter((t) => t.table === 'sessions').map((t) => t.id)]);
  for (const id of touched) {
    const mine = local.sessions.get(id);
    const theirs = incomingSessions.get(id);
    if (!mine && !theirs) continue;
    const winner = mine && theirs ? laterVersion(mine, theirs) : (mine ?? theirs)!;
    if (winner.updatedAt <= deletedAt('sessions', id)) {
      if (mine) {
        plan.sessions.remove.push(mine);
        counts.removed += 1;
      } else counts.unchanged += 1;
    } else if (winner === mine) {
      counts.unchanged += 1;
    } else if (mine && canonical(mine) === canonical(winner)) {
      counts.unchanged += 1;
    } else {
      plan.sessions.put.push(winner);
      counts[mine ? 'updated' : 'added'] += 1;
    }
  }

  const others = <T extends { id: string }>(table: 'clients' | 'rules', records: readonly T[], present: Map<string, T>, target: { put: T[]; remove: string[] }) => {
    for (const record of records) {
      if (present.has(record.id) || deletedAt(table, record.id) >= 0) counts.unchanged += 1;
      else {
        target.put.push(record);
        counts.added += 1;
      }
    }
    for (const tombstone of tombstones.values()) {
      if (tombstone.table === table && present.has(tombstone.id)) {
        target.remove.push(tombstone.id);
        counts.removed += 1;
      }
    }
  };
  others('clients', backup.clients, local.clients, plan.clients);
  others('rules', backup.rules, local.rules, plan.rules);

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
