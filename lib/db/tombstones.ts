import type { SocialHoursDatabase } from './database';
import type { TombstoneTable } from './records';

/**
 * Deletes records and remembers that they were deleted, in the caller's transaction (which
 * must include `tombstones`). Every deletion of a session, a client or a rule goes through
 * here: a deletion without its tombstone would come back with the next restore.
 */
export async function deleteRemembered(db: SocialHoursDatabase, table: TombstoneTable, ids: readonly string[], at: number): Promise<void> {
  if (ids.length === 0) return;
  await db.table(table).bulkDelete([...ids]);
  const known = await db.tombstones.bulkGet(ids.map((id) => [table, id] as [string, string]));
  await db.tombstones.bulkPut(ids.map((id, i) => ({ table, id, deletedAt: Math.max(at, known[i]?.deletedAt ?? 0) })));
}
