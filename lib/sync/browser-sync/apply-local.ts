import { SessionCommands } from '../../background/session-commands';
import type { SocialHoursDatabase } from '../../db/database';
import type { LocalChanges } from './merge';
import type { SyncProblem } from './synced-records';

/** The tables a sync writes, for its transaction: a client deleted elsewhere also unassigns its time here. */
export const syncTables = (db: SocialHoursDatabase) => [db.clients, db.rules, db.tombstones, db.sessions, db.edits, db.dayTotals, db.invoices];

/**
 * Writes what the merge takes from the other browsers, inside the caller's transaction
 * (`syncTables`). A client deleted elsewhere is deleted as the user's own deletion would be:
 * its time unassigned (with its history) and its rules gone. When an invoiced period locks
 * its time here, it stays, and the problem is reported; the merge asks again each time.
 */
export async function applyLocal(db: SocialHoursDatabase, changes: LocalChanges, newId: () => string): Promise<SyncProblem[]> {
  await db.tombstones.bulkPut(changes.tombstones);
  await db.clients.bulkPut(changes.clients.put);
  await db.rules.bulkDelete(changes.rules.remove);
  await db.rules.bulkPut(changes.rules.put);
  const commands = new SessionCommands(db, newId);
  const problems: SyncProblem[] = [];
  for (const { id, deletedAt } of changes.clients.remove) {
    // Dated as the deletion it follows, so the tombstone it leaves is the one already there.
    const result = await commands.deleteClient(id, deletedAt);
    if (!result.ok) problems.push({ code: 'client-kept', id, reason: result.error });
  }
  return problems;
}
