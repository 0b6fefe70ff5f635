import Dexie, { type EntityTable } from 'dexie';
import type { DayTotalsRecord } from './day-totals';
import type { ClientRecord, EditRecord, InvoiceRecord, RuleRecord, SessionRecord, TombstoneRecord } from './records';
import type { SyncConfigRecord, SyncDeviceRecord, SyncFileRecord } from '../sync/sync-records';

export const DATABASE_NAME = 'social-hours';

/**
 * The extension's one database, shared by the background (the only writer of sessions)
 * and the extension pages (readers, through live queries).
 *
 * Indexes serve the queries that must not slow down with history:
 * - `start`: a day or a range (sessions never exceed MAX_SESSION_MS, so a range query
 *   reads from `from - MAX_SESSION_MS`);
 * - `[clientId+start]`: one client over a range;
 * - `updatedAt`: what changed since a point (backups, merges);
 * - `edits.*sessionIds`: the history of one session;
 * - `tombstones.[table+id]`: whether a record was deleted, when a restore brings a copy;
 * - `syncFiles.*ids`: the own sync files that hold a session, when it moves, goes or is replaced.
 */
export class SocialHoursDatabase extends Dexie {
  sessions!: EntityTable<SessionRecord, 'id'>;
  clients!: EntityTable<ClientRecord, 'id'>;
  rules!: EntityTable<RuleRecord, 'id'>;
  edits!: EntityTable<EditRecord, 'id'>;
  dayTotals!: EntityTable<DayTotalsRecord, 'day'>;
  tombstones!: Dexie.Table<TombstoneRecord, [string, string]>;
  invoices!: EntityTable<InvoiceRecord, 'id'>;
  syncFiles!: EntityTable<SyncFileRecord, 'name'>;
  syncDevices!: EntityTable<SyncDeviceRecord, 'id'>;
  syncConfig!: Dexie.Table<SyncConfigRecord, string>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      sessions: 'id, start, [clientId+start], updatedAt',
      clients: 'id, name',
      rules: 'id, clientId, [platform+account]',
    });
    // Version 2 adds the history of edits. Existing records are untouched: Dexie only creates the table.
    this.version(2).stores({
      edits: 'id, at, *sessionIds',
    });
    // Version 3 adds per-day totals of past days: the popup's month figures read 31 rows, not a month of sessions.
    this.version(3).stores({
      dayTotals: 'day',
    });
    // Version 4 rounds times stored with fractions of a millisecond (input times once came
    // from `performance.now()`): every stored time is whole milliseconds, as backups require.
    this.version(4)
      .stores({})
      .upgrade(async (tx) => {
        await tx.table<SessionRecord, string>('sessions').toCollection().modify(roundTimes);
        await tx.table<EditRecord, string>('edits').toCollection().modify((edit) => {
          edit.at = Math.round(edit.at);
          edit.before.forEach(roundTimes);
          edit.after.forEach(roundTimes);
        });
        // Totals were summed from the unrounded times: computed again when next asked.
        await tx.table('dayTotals').clear();
      });
    // Version 5 remembers deletions, so that restores and merges do not bring deleted records back,
    // and keeps the invoiced periods whose sessions are locked.
    this.version(5).stores({
      tombstones: '[table+id], deletedAt',
      invoices: 'id, clientId',
    });
    // Version 6 adds what sync through a WebDAV folder keeps: the folder's files as last seen, the other devices, the key and progress.
    this.version(6).stores({
      syncFiles: 'name, *ids',
      syncDevices: 'id',
      syncConfig: 'id',
    });
  }
}

function roundTimes(session: SessionRecord): void {
  session.start = Math.round(session.start);
  session.end = Math.round(session.end);
  session.createdAt = Math.round(session.createdAt);
  session.updatedAt = Math.round(session.updatedAt);
}
