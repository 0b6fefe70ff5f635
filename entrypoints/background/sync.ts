import { browser } from 'wxt/browser';
import type { SocialHoursDatabase } from '../../lib/db/database';
import type { CommandResponse } from '../../lib/messaging/protocol';
import { SyncScheduler, type SyncChannel, type SyncOutcome } from '../../lib/sync/scheduler';
import { NO_SYNC, SYNC_STATUS_KEY, type SyncStatus } from '../../lib/sync/status';
import type { WebDavSetup } from '../../lib/sync/webdav-setup';
import type { Clock } from '../../lib/time/clock';
import type { BackgroundHooks } from './messages';
import { webDavSync } from './webdav-sync';

const ALARM = 'sync';
/** Edits come in bursts (a form saved, a rule added): one browser sync after the last of them. */
const SETTLE_MS = 3000;

export interface BackgroundSync {
  hooks: BackgroundHooks['sync'];
  /** A client, a rule or a setting changed here: the browser sync carries it soon. */
  localConfigChanged(): void;
}

/**
 * Both syncs in the background: on an alarm (every 15 minutes, sooner after a failure),
 * when the worker starts, when another browser's settings arrive, and when the user asks.
 * They run beside the tracking, never in its queue: a slow server delays nothing counted.
 */
export function startSync(db: SocialHoursDatabase, clock: Clock, browserRunner: () => Promise<SyncOutcome<'browser'>>): BackgroundSync {
  const webdav = webDavSync(db, clock);
  const scheduler = new SyncScheduler({
    now: clock,
    loadStatus: async () => {
      const stored = (await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY] as Partial<SyncStatus> | undefined;
      return { browser: { ...NO_SYNC.browser, ...stored?.browser }, webdav: { ...NO_SYNC.webdav, ...stored?.webdav } };
    },
    saveStatus: (status) => browser.storage.local.set({ [SYNC_STATUS_KEY]: status }),
    wakeAt: async (at) => {
      if (at === null) await browser.alarms.clear(ALARM);
      // Alarms run on the real clock; the tracker's may be a test build's.
      else await browser.alarms.create(ALARM, { when: Date.now() + Math.max(1000, at - clock()) });
    },
    runners: { browser: browserRunner, webdav: () => webdav.run() },
  });

  let settle: ReturnType<typeof setTimeout> | null = null;
  const soon = (channel: SyncChannel) => {
    if (settle !== null) clearTimeout(settle);
    settle = setTimeout(() => {
      settle = null;
      void scheduler.run(channel);
    }, SETTLE_MS);
  };
  const enabled = async (channel: SyncChannel) => (await scheduler.current())[channel].enabled;

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void scheduler.runDue();
  });
  // The sync area's own event: the tracker's checkpoints, written to the session area at every event, do not wake this.
  browser.storage.sync.onChanged.addListener(() => void enabled('browser').then((on) => on && soon('browser')));
  void scheduler.runDue();

  const ok: CommandResponse = { ok: true };
  return {
    hooks: {
      setBrowserSync: async (on) => {
        await scheduler.setEnabled('browser', on);
        return ok;
      },
      connectWebDav: async (setup: WebDavSetup) => {
        const { response, device, folderUrl } = await webdav.connect(setup);
        if (response.ok && device && folderUrl) void scheduler.setEnabled('webdav', true, { device, folderUrl, devices: [device] });
        return response;
      },
      disconnectWebDav: async () => {
        await scheduler.setEnabled('webdav', false);
        // A sync still running would write its state back into what is being forgotten.
        await scheduler.settled('webdav');
        await webdav.disconnect();
        return ok;
      },
      syncNow: async () => {
        const status = await scheduler.current();
        for (const channel of ['browser', 'webdav'] as const) if (status[channel].enabled) void scheduler.run(channel);
        return ok;
      },
    },
    localConfigChanged: () => void enabled('browser').then((on) => on && soon('browser')),
  };
}
