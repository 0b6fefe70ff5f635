import type { SocialHoursDatabase } from '../db/database';
import { invalidateDays } from '../db/day-totals';
import type { SessionRecord } from '../db/records';
import type { Backup } from './backup-schema';
import { planRestore, tombstoneKey, type RestoreCounts } from './restore-plan';

/**
 * Writes a checked backup in one transaction: if anything fails, nothing is written.
 * `fresh` says the profile had no clients and no sessions before, so the backup's
 * settings may be taken too.
 */
export async function restoreInto(db: SocialHoursDatabase, backup: Backup, now: number): Promise<{ counts: RestoreCounts; fresh: boolean }> {
  return db.transaction('rw', [db.sessions, db.clients, db.rules, db.edits, db.dayTotals, db.tombstones, db.invoices], async () => {
    const fresh = (await db.clients.count()) === 0 && (await db.sessions.count()) === 0;
    const sessionIds = [...new Set([...backup.sessions.map((s) => s.id), ...backup.tombstones.filter((t) => t.table === 'sessions').map((t) => t.id)])];
    const local = {
      sessions: new Map((await db.sessions.bulkGet(sessionIds)).filter((s): s is SessionRecord => s !== undefined).map((s) => [s.id, s])),
      clients: new Map((await db.clients.toArray()).map((c) => [c.id, c])),
      rules: new Map((await db.rules.toArray()).map((r) => [r.id, r])),
      invoices: new Map((await db.invoices.bulkGet(backup.invoices.map((i) => i.id))).filter((i) => i !== undefined).map((i) => [i!.id, i!])),
      edits: new Set((await db.edits.bulkGet(backup.edits.map((e) => e.id))).filter((e) => e !== undefined).map((e) => e!.id)),
      tombstones: new Map(
        (await db.tombstones.where('[table+id]').anyOf([
          ...sessionIds.map((id) => ['sessions', id]),
          ...backup.clients.map((c) => ['clients', c.id]),
          ...backup.rules.map((r) => ['rules', r.id]),
          ...backup.tombstones.map((t) => [t.table, t.id]),
        ]).toArray()).map((t) => [tombstoneKey(t.table, t.id), t]),
      ),
    };
    const { plan, counts } = planRestore(local, backup, now);
    // The days a session leaves and the days it reaches: both cached totals are stale.
    const replaced = plan.sessions.put.map((s) => local.sessions.get(s.id)).filter((s): s is SessionRecord => s !== undefined);
    await invalidateDays(db, [...replaced, ...plan.sessions.put, ...plan.sessions.remove]);
    await db.sessions.bulkDelete(plan.sessions.remove.map((s) => s.id));
    await db.sessions.bulkPut(plan.sessions.put);
    await db.clients.bulkDelete(plan.clients.remove);
    await db.clients.bulkPut(plan.clients.put);
    await db.rules.bulkDelete(plan.rules.remove);
    await db.rules.bulkPut(plan.rules.put);
    await db.edits.bulkPut(plan.edits);
    await db.invoices.bulkPut(plan.invoices);
    await db.tombstones.bulkPut(plan.tombstones);
    return { counts, fresh };
  });
}
