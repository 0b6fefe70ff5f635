import type { SocialHoursDatabase } from './database';
import type { TombstoneTable } from './records';
import { nextVersion, versionOf } from './versions';

/**
 * Deletes records and remembers that they were deleted, in the caller's transaction (which
 * must include `tombstones`). Every deletion of a session, a client or a rule goes through
 * here: a deletion without its tombstone would come back with the next restore or sync.
 * The deletion is dated after the version it deletes, so it wins even when that version
 * came from a computer whose clock is ahead.
 */
export async function deleteRemembered(db: SocialHoursDatabase, table: TombstoneTable, ids: readonly string[], at: number): Promise<void> {
  if (ids.length === 0) return;
  const records = (await db.table(table).bulkGet([...ids])) as Array<{ createdAt: number; updatedAt?: number } | undefined>;
  await db.table(table).bulkDelete([...ids]);
  const known = await db.tombstones.bulkGet(ids.map((id) => [table, id] as [string, string]));
  await db.tombstones.bulkPut(
    ids.map((id, i) => {
      const version = records[i] ? versionOf(records[i]!) : 0;
      return { table, id, deletedAt: Math.max(nextVersion(version, at), known[i]?.deletedAt ?? 0) };
    }),
  );
}
