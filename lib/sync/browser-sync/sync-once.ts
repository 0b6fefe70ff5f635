import Dexie from 'dexie';
import type { SocialHoursDatabase } from '../../db/database';
import type { TombstoneRecord } from '../../db/records';
import { loadDatedSettings, storeSyncedSettings, type SettingsArea } from '../../settings/settings-storage';
import { applyLocal, syncTables } from './apply-local';
import { readAreaError, type SyncError } from './area-errors';
import { decodeItems } from './decode';
import { mergeConfig } from './merge';
import { planWrites } from './plan';
import type { SyncArea } from './sync-area';
import type { SyncProblem } from './synced-records';

export interface SyncOnceOptions {
  area: SyncArea;
  db: SocialHoursDatabase;
  /** Where the settings are kept (`browser.storage.local`). */
  settings: SettingsArea;
  /** Ids for the history entries of time unassigned when a client is deleted elsewhere. */
  newId: () => string;
  now: number;
}

/** What this browser took from the others. */
export interface Pulled {
  clients: number;
  rules: number;
  /** Clients and rules deleted here because they were deleted elsewhere. */
  deleted: number;
  settings: boolean;
}

export type SyncOutcome =
  | {
      ok: true;
      pulled: Pulled;
      /** Records written to the sync area, and removed from it (deleted records, old deletions). */
      pushed: number;
      removed: number;
      problems: SyncProblem[];
      /** The sync area's size now, as the browser counts it against its 102 400 bytes. */
      bytesInUse: number;
    }
  /**
   * The area refused, or would have: it holds nothing half written (either no write was made,
   * or the second of the two was refused and the next run makes it). What was pulled is kept.
   */
  | { ok: false; error: SyncError; pulled: Pulled; problems: SyncProblem[] };

const NOTHING: Pulled = { clients: 0, rules: 0, deleted: 0, settings: false };

/**
 * One exchange with the browser's sync storage: reads it, merges it with this browser's
 * clients, rules and settings (the later edit of each wins), writes the winners here and
 * the changed items there. A second run right after writes nothing.
 *
 * For the background: one run at a time, in the tracking queue (a client deleted elsewhere
 * unassigns its time, which must not race the open session), at start, on `storage.onChanged`
 * for the 'sync' area and after local changes, debounced: a run costs up to two writes,
 * against Chrome's 120 a minute and 1 800 an hour. Clients and rules re-read when `pulled`
 * says so; settings arrive through `storage.onChanged` for 'local' like any save.
 */
export async function syncSettingsOnce({ area, db, settings, newId, now }: SyncOnceOptions): Promise<SyncOutcome> {
  let items: Record<string, unknown>;
  try {
    items = await area.get();
  } catch (error) {
    return { ok: false, error: readAreaError(error), pulled: NOTHING, problems: [] };
  }
  const remote = decodeItems(items);
  const localSettings = await loadDatedSettings(settings);
  // Read and written in one transaction: an edit made meanwhile is neither lost nor half merged.
  const { merged, kept } = await db.transaction('rw', syncTables(db), async () => {
    const merged = mergeConfig({ clients: await db.clients.toArray(), rules: await db.rules.toArray(), tombstones: await syncedTombstones(db), settings: localSettings }, remote, now);
    return { merged, kept: await applyLocal(db, merged.local, newId) };
  });
  const pulled: Pulled = {
    clients: merged.local.clients.put.length,
    rules: merged.local.rules.put.length,
    deleted: merged.local.clients.remove.length - kept.length + merged.local.rules.remove.length,
    settings: merged.local.settings !== null && (await storeSyncedSettings(settings, merged.local.settings)),
  };
  const problems = [...remote.problems, ...kept];

  const planned = planWrites(items, merged.remote);
  if (!planned.ok) return { ok: false, error: planned.error, pulled, problems };
  const { plan } = planned;
  const remove = async () => {
    if (plan.remove.length > 0) await area.remove(plan.remove);
  };
  try {
    if (plan.removeFirst) await remove();
    if (Object.keys(plan.set).length > 0) await area.set(plan.set);
    if (!plan.removeFirst) await remove();
  } catch (error) {
    return { ok: false, error: readAreaError(error, plan), pulled, problems };
  }
  return { ok: true, pulled, pushed: plan.written.length, removed: plan.removed.length, problems, bytesInUse: plan.bytesInUse };
}

/** Deletions of clients and rules: those of sessions, by far the most, are not synced. */
async function syncedTombstones(db: SocialHoursDatabase): Promise<TombstoneRecord[]> {
  const range = (table: string) => db.tombstones.where('[table+id]').between([table, Dexie.minKey], [table, Dexie.maxKey]).toArray();
  return [...(await range('clients')), ...(await range('rules'))];
}
