// npm run bench [-- --smoke]: the costs that must not grow with history, measured in the built
// extension in headless Chromium, an agency's year merged by its sync, and the content
// script's and background's costs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { PageReporter } from '../../lib/activity/page-reporter';
import { TrackingService } from '../../lib/background/tracking-service';
import { SocialHoursDatabase } from '../../lib/db/database';
import type { SessionRecord } from '../../lib/db/records';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { lastCompleteWeek } from '../../lib/export/last-week';
import { chromiumPath, launchWithExtension, type ExtensionBrowser } from '../../tests/browser/support/chromium';
import { startFakeSites, type FakeSites } from '../../tests/browser/support/fake-sites';
import type { Browser } from 'webextension-polyfill';
import { generateHistory } from './history';
import { cpuTable, measureCpu, type CpuResult } from './cpu';
import { measureTeamSync, type TeamSyncResult } from './team-sync';

/** The extension API inside the service worker, where `evaluate` callbacks run. */
declare const chrome: Browser;

const smoke = process.argv.includes('--smoke');
/** `--cpu-only`: only the working-session CPU measure; `--cpu-repeats=N`, `--cpu-extension=DIR` (a built extension to measure instead of a fresh build). */
const cpuOnly = process.argv.includes('--cpu-only');
/** `--sync-only`: only the popup, week view and export with a year, then with the team's year merged by the sync. */
const syncOnly = process.argv.includes('--sync-only');
const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const REPEATS = smoke ? 2 : 7;
const YEAR_PER_DAY = smoke ? 8 : 390;
/** The other browsers of the agency whose folder this one joins: a year each, or a month in the smoke run. */
const TEAM_DEVICES = smoke ? 2 : 10;
const TEAM_DAYS = smoke ? 31 : 365;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Puts records into the extension's database from one of its pages, in chunks. */
async function seed(page: Page, table: string, records: unknown[]): Promise<void> {
  for (let i = 0; i < records.length; i += 5000) {
    await page.evaluate(
      ([name, chunk]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('social-hours');
          open.onsuccess = () => {
            // Sessions written behind the background's back: drop the per-day totals as its writes would.
            const stores = name === 'sessions' ? ['sessions', 'dayTotals'] : [name as string];
            const tx = open.result.transaction(stores, 'readwrite');
            for (const record of chunk as unknown[]) tx.objectStore(name as string).put(record);
            if (name === 'sessions') tx.objectStore('dayTotals').clear();
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
          // Never create or upgrade the database from here: that is the extension's job.
          open.onupgradeneeded = () => {
            open.transaction?.abort();
            reject(new Error('the extension has not created its database yet'));
          };
          open.onblocked = () => reject(new Error('the database is blocked by an upgrade'));
        }),
      [table, records.slice(i, i + 5000)] as const,
    );
  }
}

/** Opens an extension page and returns how long it took until `ready` held, from navigation start. */
async function timeToReady(ext: ExtensionBrowser, path: string, ready: () => boolean): Promise<number> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  await page.waitForFunction(ready, undefined, { timeout: 60_000, polling: 'raf' });
  const ms = await page.evaluate(() => performance.now());
  await page.close();
  return ms;
}

// Extension pages forbid eval: readiness is checked by functions, not strings.
const POPUP_READY = () => Boolean(document.querySelector('[data-testid="total-today"][data-ms]') && !document.querySelector('[aria-busy="true"]'));
const WEEK_READY = () =>
  Boolean(document.querySelector('[data-testid="period-total"]') && (document.querySelector('[data-testid="chart"]') || document.querySelector('[data-testid="period-empty"]')));

async function exportTime(ext: ExtensionBrowser): Promise<number> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html#export`);
  await page.getByTestId('export-csv').waitFor();
  const worker = await ext.worker();
  const before = await worker.evaluate(() => chrome.downloads.search({}).then((d) => d.length));
  const started = Date.now();
  await page.getByTestId('export-csv').click();
  const outcome = await worker.evaluate(async (count) => {
    for (let waited = 0; waited < 30_000; waited += 5) {
      const all = await chrome.downloads.search({});
      if (all.filter((d) => d.state === 'complete').length > count) return 'complete';
      const failed = all.find((d) => d.state === 'interrupted');
      if (failed) return `interrupted: ${failed.error ?? 'unknown'}`;
      await new Promise((r) => setTimeout(r, 5));
    }
    return 'no download after 30 s';
  }, before);
  if (outcome !== 'complete') throw new Error(`the CSV export did not download: ${outcome}`);
  const ms = Date.now() - started;
  await page.close();
  return ms;
}

async function measureUi(ext: ExtensionBrowser) {
  const popup: number[] = [];
  const week: number[] = [];
  const exportMs: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    popup.push(await timeToReady(ext, 'popup.html', POPUP_READY));
    week.push(await timeToReady(ext, 'options.html#reports', WEEK_READY));
    exportMs.push(await exportTime(ext));
  }
  return { popup: median(popup), week: median(week), export: median(exportMs) };
}

async function pageCosts(sites: FakeSites) {
  const url = 'https://www.facebook.com/boulangerie-dupont';
  const measure = async (withExtension: boolean) => {
    const dir = `/tmp/social-hours-bench-${withExtension ? 'ext' : 'plain'}-${Date.now()}`;
    const context = withExtension
      ? (await launchWithExtension(sites, { profileDir: dir })).context
      : await chromium.launchPersistentContext(dir, {
          executablePath: chromiumPath(),
          headless: true,
          ignoreHTTPSErrors: true,
          args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', `--host-resolver-rules=${sites.resolverRules}`],
        });
    const page = context.pages()[0] ?? (await context.newPage());
    const loads: number[] = [];
    for (let i = 0; i < REPEATS * 2; i++) {
      await page.goto(url, { waitUntil: 'load' });
      loads.push(await page.evaluate(() => {
        const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        return nav!.loadEventEnd - nav!.startTime;
      }));
    }
    // 10,000 input events through every listener of the page (the extension's included).
    await page.waitForTimeout(300);
    const events = await page.evaluate(() => {
      const start = performance.now();
      for (let i = 0; i < 10_000; i++) window.dispatchEvent(new MouseEvent(i % 2 ? 'mousemove' : 'pointerdown', { bubbles: true, clientX: i % 500, clientY: 10 }));
      return performance.now() - start;
    });
    await context.close();
    return { load: median(loads), events };
  };
  const plain = await measure(false);
  const withExtension = await measure(true);
  return { plain, withExtension };
}

/** An engaged hour played in Node: input every second, reports and alarms as the extension sends them. */
async function engagedHour() {
  let now = Date.UTC(2026, 10, 23, 9);
  let reports = 0;
  const timers: Array<{ at: number; run: () => void }> = [];
  const reporter = new PageReporter({
    now: () => now,
    read: () => ({ url: 'https://www.facebook.com/boulangerie-dupont', visible: true, mediaPlaying: false }),
    send: () => {
      reports += 1;
    },
    setTimer: (run, ms) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => timers.splice(timers.indexOf(timer as never), 1),
  });
  await new SocialHoursDatabase('bench-engaged-hour').delete();
  const db = new SocialHoursDatabase('bench-engaged-hour');
  const service = new TrackingService(
    {
      db,
      clock: () => now,
      newId: () => crypto.randomUUID(),
      loadCheckpoint: async () => undefined,
      saveCheckpoint: async () => {},
      readBrowserState: async () => ({ focusedWindowId: 1, activeTabs: [{ tabId: 1, windowId: 1, url: 'https://www.facebook.com/boulangerie-dupont' }], idle: 'active' }),
      readView: async () => ({ focusedWindowId: 1, activeTab: { tabId: 1, windowId: 1, url: 'https://www.facebook.com/boulangerie-dupont' } }),
      setWakeups: async () => {},
      wakeAt: async () => {},
      saveDurable: async () => {},
      saveSettings: async () => {},
    },
    { settings: DEFAULT_SETTINGS, rules: [], clients: [], paused: false, timer: null, override: null, away: null },
  );
  await service.start();
  const cpuStart = process.cpuUsage();
  const end = now + 3_600_000;
  let lastTick = now;
  let handled = 0;
  while (now < end) {
    now += 1000;
    reporter.input();
    for (const timer of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.run();
    }
    while (handled < reports) {
      handled += 1;
      await service.report({ tabId: 1, windowId: 1, url: 'https://www.facebook.com/boulangerie-dupont', inputAgoMs: 0, visible: true, mediaPlaying: false });
    }
    if (now - lastTick >= 30_000) {
      lastTick = now;
      await service.wake();
    }
  }
  const cpu = process.cpuUsage(cpuStart);
  const writes = service.writeCount;
  await db.delete();
  return { messages: reports, writes, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function workingSession(sites: FakeSites): Promise<CpuResult> {
  const repeats = flag('cpu-repeats');
  return measureCpu(sites, {
    smoke,
    ...(repeats ? { repeats: Number(repeats) } : {}),
    ...(flag('cpu-extension') ? { extensionDir: flag('cpu-extension') } : {}),
    log: (line) => console.log(line),
  });
}

async function cpuOnlyMain() {
  if (!flag('cpu-extension')) execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  const sites = await startFakeSites();
  const cpu = await workingSession(sites);
  await sites.close();
  for (const line of cpuTable(cpu)) console.log(line);
  write('cpu', cpu);
}

type Ui = Awaited<ReturnType<typeof measureUi>>;

/**
 * The popup, week view and export over a growing database: the last two weeks, then a year
 * before them, then the year of the agency's other browsers merged by the WebDAV sync.
 */
async function historyAndTeam(sites: FakeSites) {
  const ext = await launchWithExtension(sites);
  // The clients section opens the database: once it shows, the schema is in place.
  const control = await ext.extensionPage('options.html#clients');
  await control.locator('.empty, [data-testid="clients-list"]').first().waitFor();
  const now = Date.now();
  const week = lastCompleteWeek(now, 1);

  // Baseline: the last complete week and this week, nothing else.
  const recent = generateHistory({ clients: 25, from: week.from, to: now, perDay: YEAR_PER_DAY, seed: 7 });
  await seed(control, 'clients', recent.clients);
  await seed(control, 'rules', recent.rules);
  await seed(control, 'sessions', recent.sessions);
  // A first round warms the browser's caches, so the baseline is not a cold start.
  await measureUi(ext);
  const baseline = await measureUi(ext);

  // Then a year of history before it.
  const year = generateHistory({ clients: 25, from: week.from - 365 * 86_400_000, to: week.from, perDay: YEAR_PER_DAY, seed: 11 });
  const ids = new Set(recent.sessions.map((s) => s.id));
  const older: SessionRecord[] = year.sessions.map((s) => (ids.has(s.id) ? { ...s, id: `${s.id}-old` } : s));
  await seed(control, 'sessions', older);
  const withYear = await measureUi(ext);

  // Then the other browsers' years, up to now, merged by this browser's first sync. The
  // clients section's suggestions follow recent sessions: closed, it does not re-read them
  // after every file merged.
  await control.close();
  const team = await measureTeamSync(ext, {
    devices: TEAM_DEVICES,
    clients: 25,
    from: week.from - TEAM_DAYS * 86_400_000,
    to: now,
    perDay: YEAR_PER_DAY,
    log: (line) => console.log(line),
  });
  const withTeam = await measureUi(ext);
  await ext.close();
  const history = {
    sessions: recent.sessions.length + older.length,
    clients: 25,
    rules: recent.rules.length,
    manual: [...recent.sessions, ...older].filter((s) => s.source === 'manual').length,
    baselineSessions: recent.sessions.length,
  };
  return { history, baseline, withYear, team, withTeam };
}

function uiResults({ baseline, withYear, withTeam }: { baseline: Ui; withYear: Ui; withTeam: Ui }) {
  const of = (key: keyof Ui, target: number) => ({ baseline: baseline[key], year: withYear[key], ratio: withYear[key] / baseline[key], team: withTeam[key], teamRatio: withTeam[key] / baseline[key], target });
  return { popupMs: of('popup', 1.2), weekViewMs: of('week', 1.2), weeklyExportMs: of('export', 1.5) };
}

function printHistoryAndTeam(history: { sessions: number; rules: number; manual: number; baselineSessions: number }, ui: ReturnType<typeof uiResults>, team: TeamSyncResult) {
  console.log(`history: ${history.sessions} sessions (${history.baselineSessions} in the baseline), 25 clients, ${history.rules} rules, ${history.manual} manual entries`);
  console.log(`team: ${team.devices} other browsers, ${team.folder.sessions} sessions in ${team.folder.files} files; ${team.firstSync.sessionsAfter} sessions here after the sync`);
  console.log('measure                     | baseline   | with year  | ratio         | with team  | ratio');
  const rows: Array<[string, (typeof ui)['popupMs']]> = [
    ['popup, time to totals', ui.popupMs],
    ['week view, time to chart', ui.weekViewMs],
    ['weekly CSV export', ui.weeklyExportMs],
  ];
  for (const [name, m] of rows) {
    const target = `(≤ ${m.target})`;
    console.log(`${name.padEnd(27)} | ${`${m.baseline.toFixed(0)} ms`.padEnd(10)} | ${`${m.year.toFixed(0)} ms`.padEnd(10)} | ${`${m.ratio.toFixed(2)} ${target}`.padEnd(13)} | ${`${m.team.toFixed(0)} ms`.padEnd(10)} | ${m.teamRatio.toFixed(2)} ${target}`);
  }
  const mem = team.firstSync.memoryPeakMiB;
  console.log(
    `first sync: ${(team.firstSync.ms / 1000).toFixed(1)} s (after ${team.firstSync.connectMs.toFixed(0)} ms connecting), CPU ${team.firstSync.cpuSeconds.extension.toFixed(1)} s in the extension process and ${team.firstSync.cpuSeconds.browser.toFixed(1)} s in the browser process; peak resident memory ${mem.extension} MiB and ${mem.browser} MiB; database ${team.firstSync.databaseMiB.before} → ${team.firstSync.databaseMiB.after} MiB`,
  );
  const next = team.incrementalSync;
  console.log(`incremental sync, one file changed: ${next.ms.toFixed(0)} ms, CPU ${next.cpuSeconds.extension.toFixed(2)} s + ${next.cpuSeconds.browser.toFixed(2)} s, requests ${JSON.stringify(next.requests)}`);
}

function machine() {
  return { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, smoke };
}

function write(name: string, results: unknown) {
  mkdirSync('bench-results', { recursive: true });
  const file = `bench-results/${name}${smoke ? '-smoke' : ''}.json`;
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written: ${file}`);
}

async function syncOnlyMain() {
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: 'ignore' });
  const sites = await startFakeSites();
  const { history, team, ...measured } = await historyAndTeam(sites);
  await sites.close();
  const ui = uiResults(measured);
  printHistoryAndTeam(history, ui, team);
  write('sync', { machine: machine(), history, ...ui, teamSync: team });
}

async function main() {
  if (cpuOnly) return cpuOnlyMain();
  if (syncOnly) return syncOnlyMain();
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  const bundle = readFileSync('.output/chrome-mv3/content-scripts/activity.js');
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: 'ignore' });

  const sites = await startFakeSites();
  const { history, team, ...measured } = await historyAndTeam(sites);
  const ui = uiResults(measured);
  const page = await pageCosts(sites);
  // The working session, in the production build (the e2e build reports every 250 ms).
  const cpu = await workingSession(sites);
  await sites.close();
  const hour = await engagedHour();

  const results = {
    machine: machine(),
    history,
    ...ui,
    teamSync: team,
    contentScript: { minifiedBytes: bundle.length, gzipBytes: gzipSync(bundle).length },
    pageLoadMs: { without: page.plain.load, with: page.withExtension.load, ratio: page.withExtension.load / page.plain.load },
    inputEvents10kMs: { without: page.plain.events, with: page.withExtension.events, ratio: page.withExtension.events / page.plain.events },
    engagedHour: { ...hour, messagesPer10s: hour.messages / 360, secondsPerWrite: 3600 / hour.writes },
    workingSessionCpu: cpu,
  };

  printHistoryAndTeam(history, ui, team);
  console.log('page                        | without    | with       | ratio');
  const pageRows: Array<[string, string, string, string]> = [
    ['fake page load', `${page.plain.load.toFixed(0)} ms`, `${page.withExtension.load.toFixed(0)} ms`, results.pageLoadMs.ratio.toFixed(2)],
    ['10,000 input events', `${page.plain.events.toFixed(1)} ms`, `${page.withExtension.events.toFixed(1)} ms`, results.inputEvents10kMs.ratio.toFixed(2)],
  ];
  for (const [name, a, b, r] of pageRows) console.log(`${name.padEnd(27)} | ${a.padEnd(10)} | ${b.padEnd(10)} | ${r}`);
  console.log(`content script: ${results.contentScript.minifiedBytes} bytes minified, ${results.contentScript.gzipBytes} bytes gzipped`);
  console.log(
    `engaged hour: ${hour.messages} messages (${results.engagedHour.messagesPer10s.toFixed(2)} per 10 s, ≤ 1), ${hour.writes} database writes (one per ${results.engagedHour.secondsPerWrite.toFixed(1)} s, ≥ 15 s), ${hour.cpuMs.toFixed(0)} ms CPU in the background logic`,
  );
  for (const line of cpuTable(cpu)) console.log(line);
  write('bench', results);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
