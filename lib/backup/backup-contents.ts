import type { SocialHoursDatabase } from '../db/database';
import type { Settings } from '../settings/settings';
import type { BackupContents } from './backup-file';

/** Everything a backup holds, read in one transaction so the file is one consistent moment. */
export function readBackupContents(db: SocialHoursDatabase, settings: Settings): Promise<BackupContents> {
  return db.transaction('r', [db.sessions, db.clients, db.rules, db.edits, db.tombstones, db.invoices], async () => ({
    sessions: await db.sessions.toArray(),
    clients: await db.clients.toArray(),
    rules: await db.rules.toArray(),
    edits: await db.edits.toArray(),
    tombstones: await db.tombstones.toArray(),
    invoices: await db.invoices.toArray(),
    settings,
  }));
}
