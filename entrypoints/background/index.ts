import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { TrackingService } from '../../lib/background/tracking-service';
import { SocialHoursDatabase } from '../../lib/db/database';
import { shouldOpenWelcome } from '../../lib/onboarding/welcome';
import type { ClientRecord } from '../../lib/db/records';
import { DEFAULT_SETTINGS, idleDetectionSeconds, readSettings, type Settings } from '../../lib/settings/settings';
import { SETTINGS_KEY, storeFirstRunSettings } from '../../lib/settings/settings-storage';
import type { Clock } from '../../lib/time/clock';
import { resolveLanguage, setLanguage } from '../../lib/ui/i18n';
import { BadgeController } from './badge';
import { listenToBrowser } from './browser-events';
import { createBrowserPorts, loadDurable, loadSettings } from './browser-ports';
import { listenToMessages } from './messages';
import { injectIntoOpenTabs } from './open-tabs';
import { syncSiteScripts } from './site-scripts';
import { WeeklyExport } from './weekly-export';
import { browserSyncRunner } from './browser-sync';
import { startSync } from './sync';
import { createTestClock, installTestHooks } from './test-hooks';

export default defineBackground(() => {
  const db = new SocialHoursDatabase();
  // Test builds only: 'e2e' (headless tests move the clock) and 'desktop' (real time, production reporting).
  const testClock = import.meta.env.MODE === 'e2e' || import.meta.env.MODE === 'desktop' ? createTestClock(import.meta.env.MODE === 'desktop') : null;
  let settings: Settings = DEFAULT_SETTINGS;
  let clients: ClientRecord[] = [];
  let badge: BadgeController | null = null;
  let clock: Clock = () => Date.now();

  const applySettings = (next: Settings) => {
    settings = next;
    setLanguage(resolveLanguage(next.language, browser.i18n.getUILanguage()));
    browser.idle.setDetectionInterval(idleDetectionSeconds(next));
  };
  const syncSites = () => syncSiteScripts(settings).catch((error: unknown) => console.error('[social-hours] site scripts', error));

  const service: Promise<TrackingService> = (async () => {
    if (testClock) clock = (await testClock).clock;
    applySettings(await loadSettings());
    const [rules, durable] = await Promise.all([db.rules.toArray(), loadDurable()]);
    clients = await db.clients.toArray();
    const ports = createBrowserPorts(db, clock, () => settings, (edited) => badge?.schedule(edited));
    const tracking = new TrackingService(ports, { settings, rules, clients, ...durable });
    await tracking.start();
    return tracking;
  })();
  badge = new BadgeController(db, service, () => ({ settings, clients }));

  // Listeners are registered before anything is awaited: a woken worker must hear the event that woke it.
  listenToBrowser(service);
  const reloadConfig = async () => {
    const [rules, nextClients] = await Promise.all([db.rules.toArray(), db.clients.toArray()]);
    clients = nextClients;
    const tracking = await service;
    await tracking.updateClients(nextClients);
    await tracking.updateRules(rules);
  };
  const sync = startSync(db, () => clock(), browserSyncRunner(db, service, () => clock(), reloadConfig));
  listenToMessages(service, {
    syncSites,
    reloadConfig: async () => {
      await reloadConfig();
      sync.localConfigChanged();
    },
    sync: sync.hooks,
  });

  // The local area's own event: the checkpoints this worker writes to the session area at
  // every tracker event do not come back to it.
  browser.storage.local.onChanged.addListener((changes) => {
    const change = changes[SETTINGS_KEY];
    if (!change) return;
    applySettings(readSettings(change.newValue));
    sync.localConfigChanged();
    void service.then((s) => s.updateSettings(settings));
    void syncSites();
  });
  browser.permissions.onRemoved.addListener(() => void syncSites());
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void service.then(syncSites);
    void injectIntoOpenTabs().catch((error: unknown) => console.error('[social-hours] open tabs', error));
    // The welcome page says whose public holidays apply: they are chosen first.
    const firstRun = reason === 'install' ? storeFirstRunSettings(browser.storage.local, browser.i18n.getUILanguage()).catch((error: unknown) => console.error('[social-hours] first settings', error)) : Promise.resolve();
    if (shouldOpenWelcome(reason, import.meta.env.MODE)) {
      void firstRun.then(() => browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') })).catch((error: unknown) => console.error('[social-hours] welcome page', error));
    }
  });
  browser.runtime.onStartup.addListener(() => void service.then(syncSites));

  const weekly = new WeeklyExport(db, () => clock(), () => settings);
  weekly.listen();
  void service.then(() => weekly.check());

  if (testClock) installTestHooks(service, db, testClock, weekly);
});
