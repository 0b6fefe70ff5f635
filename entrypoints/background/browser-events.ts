import { browser } from 'wxt/browser';
import type { TrackingService } from '../../lib/background/tracking-service';
import type { TrackerEvent } from '../../lib/tracking/events';
import { isTrackerAlarm, readView } from './browser-ports';

/**
 * Turns browser events into tracker events. Registered synchronously when the worker
 * starts, as MV3 requires; each handler waits for the service to be ready.
 */
export function listenToBrowser(service: Promise<TrackingService>): void {
  const dispatch = (source: Parameters<TrackingService['dispatch']>[0]) => {
    void service.then((s) => s.dispatch(source));
  };

  // A tab's URL is visible only on sites the extension may read: no URL means a page that is not tracked.
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
    dispatch(async (): Promise<TrackerEvent> => {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      return { type: 'tabActivated', tabId, windowId, url: tab?.url ?? null };
    });
  });

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // A navigation to a site the extension may not read comes with no URL, only a new status.
    if ((change.url === undefined && change.status !== 'loading') || tab.windowId === undefined) return;
    dispatch({ type: 'tabUpdated', tabId, windowId: tab.windowId, url: tab.url ?? change.url ?? null });
  });

  browser.tabs.onRemoved.addListener((tabId) => dispatch({ type: 'tabRemoved', tabId }));
  // Chrome replaces a tab when it swaps in a prerendered page; Firefox has no such event.
  browser.tabs.onReplaced?.addListener(() => void service.then((s) => s.resync()));

  // The event says which window has the focus, but on Linux it comes late, spuriously or
  // not at all: it is a cue to read the browser's view, which is right.
  const onFocus = () => dispatch(async (): Promise<TrackerEvent> => ({ type: 'view', view: await readView() }));
  try {
    // Chrome reports devtools and popup windows too unless asked for normal windows only.
    (browser.windows.onFocusChanged.addListener as (cb: typeof onFocus, filter: unknown) => void)(onFocus, { windowTypes: ['normal'] });
  } catch {
    // Firefox takes no filter here (and reports normal windows only).
    browser.windows.onFocusChanged.addListener(onFocus);
  }

  browser.idle.onStateChanged.addListener((state) => dispatch({ type: 'idle', state }));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (isTrackerAlarm(alarm)) void service.then((s) => s.wake());
  });

  // The browser is closing: what the open session holds goes to the database now, not at the next checkpoint.
  browser.windows.onRemoved.addListener(() => {
    void service.then(async (s) => {
      const windows = await browser.windows.getAll({ windowTypes: ['normal'] });
      if (windows.length === 0) await s.flush();
    });
  });
}
