import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { TrackingService } from '../../lib/background/tracking-service';
import { SocialHoursDatabase } from '../../lib/db/database';
import { readSettings, type Settings } from '../../lib/settings/settings';
import type { Clock } from '../../lib/time/clock';
import { listenToBrowser } from './browser-events';
import { SETTINGS_KEY, createBrowserPorts, detectionIntervalSeconds, loadPaused, loadSettings } from './browser-ports';
import { listenToMessages } from './messages';
import { createTestClock, installTestHooks } from './test-hooks';

export default defineBackground(() => {
  const db = new SocialHoursDatabase();
  const testBuild = import.meta.env.MODE === 'e2e';
  const testClock = testBuild ? createTestClock() : null;
  let settings: Settings;

  const service = (async () => {
    const clock: Clock = testClock ? (await testClock).clock : () => Date.now();
    settings = await loadSettings();
    browser.idle.setDetectionInterval(detectionIntervalSeconds(settings));
    const [rules, paused] = await Promise.all([db.rules.toArray(), loadPaused()]);
    const tracking = new TrackingService(createBrowserPorts(db, clock, () => settings), { settings, rules, paused });
    await tracking.start();
    liveQuery(() => db.rules.toArray()).subscribe({
      next: (next) => void tracking.updateRules(next),
      error: (error: unknown) => console.error('[social-hours] rules query failed', error),
    });
    return tracking;
  })();

  // Listeners are registered before anything is awaited: a woken worker must hear the event that woke it.
  listenToBrowser(service);
  listenToMessages(service);

  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[SETTINGS_KEY];
    if (area !== 'local' || !change) return;
    settings = readSettings(change.newValue);
    browser.idle.setDetectionInterval(detectionIntervalSeconds(settings));
    void service.then((s) => s.updateSettings(settings));
  });

  if (testClock) installTestHooks(service, db, testClock);
});
