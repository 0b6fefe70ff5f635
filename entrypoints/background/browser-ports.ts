import type { Alarms } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { DURABLE_KEYS, readDurable } from '../../lib/background/durable-state';
import type { DurableState, TrackingPorts } from '../../lib/background/tracking-service';
import type { SocialHoursDatabase } from '../../lib/db/database';
import { idleDetectionSeconds, readSettings, type Settings } from '../../lib/settings/settings';
import { saveDatedSettings, SETTINGS_KEY } from '../../lib/settings/settings-storage';
import type { Clock } from '../../lib/time/clock';
import type { BrowserView, IdleState, TabSnapshot } from '../../lib/tracking/events';

const CHECKPOINT_KEY = 'trackerCheckpoint';
const WAKEUP_ALARM = 'tracker-wakeup';
const OVERRIDE_ALARM = 'override-end';

export function isTrackerAlarm(alarm: Alarms.Alarm): boolean {
  return alarm.name === WAKEUP_ALARM || alarm.name === OVERRIDE_ALARM;
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return readSettings(stored[SETTINGS_KEY]);
}

export async function loadDurable(): Promise<DurableState> {
  return readDurable(await browser.storage.local.get(DURABLE_KEYS));
}

async function readIdleState(settings: Settings): Promise<IdleState> {
  return (await browser.idle.queryState(idleDetectionSeconds(settings))) as IdleState;
}

/** The focused normal window and the active tab of each normal window, as the browser says now. */
async function readWindows(): Promise<{ focusedWindowId: number | null; activeTabs: TabSnapshot[] }> {
  const windows = await browser.windows.getAll({ populate: true, windowTypes: ['normal'] });
  const activeTabs: TabSnapshot[] = [];
  for (const window of windows) {
    const tab = window.tabs?.find((t) => t.active);
    if (tab?.id !== undefined && window.id !== undefined) activeTabs.push({ tabId: tab.id, windowId: window.id, url: tab.url ?? null });
  }
  return { focusedWindowId: windows.find((w) => w.focused)?.id ?? null, activeTabs };
}

/**
 * The focused window and its active tab. `getLastFocused` answers for the window that had
 * the focus last; its `focused` says whether it still has it (false while another
 * application has it, which on Linux no event tells).
 */
export async function readView(): Promise<BrowserView> {
  const window = await browser.windows.getLastFocused({ populate: true, windowTypes: ['normal'] }).catch(() => undefined);
  if (!window?.focused || window.id === undefined) return { focusedWindowId: null, activeTab: null };
  const tab = window.tabs?.find((t) => t.active);
  return {
    focusedWindowId: window.id,
    activeTab: tab?.id === undefined ? null : { tabId: tab.id, windowId: window.id, url: tab.url ?? null },
  };
}

export function createBrowserPorts(
  db: SocialHoursDatabase,
  clock: Clock,
  getSettings: () => Settings,
  afterChange: (edited?: boolean) => void,
): TrackingPorts {
  return {
    db,
    clock,
    newId: () => crypto.randomUUID(),
    loadCheckpoint: async () => (await browser.storage.session.get(CHECKPOINT_KEY))[CHECKPOINT_KEY],
    saveCheckpoint: (checkpoint) => browser.storage.session.set({ [CHECKPOINT_KEY]: checkpoint }),
    readBrowserState: async () => ({ ...(await readWindows()), idle: await readIdleState(getSettings()) }),
    readView,
    setWakeups: async (on) => {
      if (on) await browser.alarms.create(WAKEUP_ALARM, { periodInMinutes: 0.5 });
      else await browser.alarms.clear(WAKEUP_ALARM);
    },
    wakeAt: async (when) => {
      await browser.alarms.clear(OVERRIDE_ALARM);
      if (when !== null) await browser.alarms.create(OVERRIDE_ALARM, { when });
    },
    saveDurable: (key, value) => browser.storage.local.set({ [key]: value }),
    saveSettings: (settings) => saveDatedSettings(browser.storage.local, settings, clock()),
    afterChange,
    onError: (error) => console.error('[social-hours] tracking error', error),
  };
}
