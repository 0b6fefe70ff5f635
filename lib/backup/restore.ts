import type { SocialHoursDatabase } from '../db/database';
import { invalidateDays } from '../db/day-totals';
import type { SessionRecord } from '../db/records';
import type { Backup } from './backup-schema';
import { planRestore, type RestoreCounts } from './restore-plan';

/**
 * Writes a checked backup in one transaction: if anything fails, nothing is written.
 * `fresh` says the profile had no clients and no sessions before, so the backup's
 * settings may be taken too.
 */
export async function restoreInto(db: SocialHoursDatabase, backup: Backup): Promise<{ counts: RestoreCounts; fresh: boolean }> {
  return db.transaction('rw', [db.sessions, db.clients, db.rules, db.edits, db.dayTotals], async () => {
    const fresh = (await db.clients.count()) === 0 && (await db.sessions.count()) === 0;
    const local = await db.sessions.bulkGet(backup.sessions.map((s) => s.id));
    const existing = {
      sessions: new Map(local.filter((s): s is SessionRecord => s !== undefined).map((s) => [s.id, s])),
      clients: new Set((await db.clients.toCollection().primaryKeys()) as string[]),
      rules: new Set((await db.rules.toCollection().primaryKeys()) as string[]),
      edits: new Set((await db.edits.bulkGet(backup.edits.map((e) => e.id))).filter((e) => e !== undefined).map((e) => e!.id)),
    };
    const { plan, counts } = planRestore(existing, backup);
    await invalidateDays(db, plan.sessions);
    await db.sessions.bulkPut(plan.sessions);
    await db.clients.bulkPut(plan.clients);
    await db.rules.bulkPut(plan.rules);
    await db.edits.bulkPut(plan.edits);
    return { counts, fresh };
  });
}
