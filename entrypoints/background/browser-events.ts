import { browser } from 'wxt/browser';
import type { TrackingService } from '../../lib/background/tracking-service';
import type { TrackerEvent } from '../../lib/tracking/events';
import { isTrackerAlarm } from './browser-ports';

/**
 * Turns browser events into tracker events. Registered synchronously when the worker
 * starts, as MV3 requires; each handler waits for the service to be ready.
 */
export function listenToBrowser(service: Promise<TrackingService>): void {
  const dispatch = (source: Parameters<TrackingService['dispatch']>[0]) => {
    void service.then((s) => s.dispatch(source));
  };

  browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
    dispatch(async (): Promise<TrackerEvent> => {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      return { type: 'tabActivated', tabId, windowId, url: tab?.url };
    });
  });

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url === undefined || tab.windowId === undefined) return;
    dispatch({ type: 'tabUpdated', tabId, windowId: tab.windowId, url: change.url });
  });

  browser.tabs.onRemoved.addListener((tabId) => dispatch({ type: 'tabRemoved', tabId }));
  // Chrome replaces a tab when it swaps in a prerendered page; Firefox has no such event.
  browser.tabs.onReplaced?.addListener(() => void service.then((s) => s.resync()));

  const onFocus = (windowId: number) => {
    dispatch(async (): Promise<TrackerEvent> => {
      if (windowId !== browser.windows.WINDOW_ID_NONE) return { type: 'windowFocus', windowId };
      // On Linux the event says "no window" at moments when a window does have focus:
      // believe the state, not the event.
      const last = await browser.windows.getLastFocused({ windowTypes: ['normal'] }).catch(() => undefined);
      return { type: 'windowFocus', windowId: last?.focused && last.id !== undefined ? last.id : null };
    });
  };
  try {
    // Chrome reports devtools and popup windows too unless asked for normal windows only.
    (browser.windows.onFocusChanged.addListener as (cb: typeof onFocus, filter: unknown) => void)(onFocus, { windowTypes: ['normal'] });
  } catch {
    // Firefox takes no filter here (and reports normal windows only).
    browser.windows.onFocusChanged.addListener(onFocus);
  }

  browser.idle.onStateChanged.addListener((state) => dispatch({ type: 'idle', state }));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (isTrackerAlarm(alarm)) dispatch({ type: 'tick' });
  });
}
