import { browser } from 'wxt/browser';
import type { TrackingService } from '../../lib/background/tracking-service';
import type { SocialHoursDatabase } from '../../lib/db/database';
import { browserSyncArea } from '../../lib/sync/browser-sync/sync-area';
import { syncSettingsOnce, type SyncOutcome as SettingsOutcome } from '../../lib/sync/browser-sync/sync-once';
import type { SyncOutcome } from '../../lib/sync/scheduler';
import type { Clock } from '../../lib/time/clock';

/**
 * One exchange of clients, rules and settings with the browser's sync storage. It runs in
 * the tracking queue: a client deleted in another browser unassigns its time here, which
 * must not race the open session. Clients and rules taken from elsewhere reach the tracker.
 */
export function browserSyncRunner(db: SocialHoursDatabase, service: Promise<TrackingService>, clock: Clock, reloadConfig: () => Promise<void>) {
  return async (): Promise<SyncOutcome<'browser'>> => {
    let outcome: SettingsOutcome | null = null;
    await (await service).dispatch(async () => {
      outcome = await syncSettingsOnce({ area: browserSyncArea(), db, settings: browser.storage.local, newId: () => crypto.randomUUID(), now: clock() });
      return null;
    });
    const result = outcome as SettingsOutcome | null;
    if (!result) return { problem: { code: 'internal' } };
    if (result.pulled.clients + result.pulled.rules + result.pulled.deleted > 0) await reloadConfig();
    if (result.ok) return { problem: null, details: { bytesInUse: result.bytesInUse } };
    const { error } = result;
    return { problem: error.code === 'quota' ? { code: 'quota', detail: String(error.needed) } : { code: error.code } };
  };
}
