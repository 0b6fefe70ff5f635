import type { Worker } from 'playwright-core';
import { afterAll, it } from 'vitest';
import type { SessionRecord } from '../../lib/db/records';
import { startFakeSites, type FakeSites } from '../browser/support/fake-sites';
import { startDesktop, waitFor, type Desktop } from './support/display';
import { launchHeadedChromium, type HeadedChromium } from './support/headed-chromium';
import { report } from './support/report';
import { runPhases, score, type Phase } from './support/scenario';
import { scenarioTiming, sharedPhases, type ScenarioBrowser, type ScenarioWindows } from './support/social-scenario';

let desktop: Desktop | undefined;
let sites: FakeSites | undefined;
let chromium: HeadedChromium | undefined;

afterAll(async () => {
  await chromium?.close();
  await sites?.close();
  await desktop?.close();
});

/** The worker once the e2e hooks are installed (a restarted worker needs a moment). */
async function hooked(browser: HeadedChromium): Promise<Worker> {
  return waitFor('the service worker with its test hooks', async () => {
    const worker = await browser.worker();
    return (await worker.evaluate('typeof globalThis.socialHoursTest === "object"')) ? worker : undefined;
  }, 30_000, 200);
}

it('headed Chromium on a real desktop records each phase as expected', async () => {
  const began = Date.now();
  const timing = scenarioTiming();
  desktop = await startDesktop();
  sites = await startFakeSites();
  chromium = await launchHeadedChromium(desktop, sites);
  const browser = chromium;
  const context = browser.context;
  const setup = await hooked(browser);
  await setup.evaluate(`chrome.storage.local.set({ settings: { readingAllowanceSeconds: ${timing.allowanceSeconds} } })`);

  const tab1 = context.pages()[0] ?? (await context.newPage());
  await tab1.goto('https://www.facebook.com/SomePage');
  const tab2 = await context.newPage();
  await tab2.goto('https://www.instagram.com/some.handle/');
  await tab1.bringToFront();

  const scenarioBrowser: ScenarioBrowser = {
    windowClass: 'chromium',
    tabKey: (n) => `ctrl+${n}`,
    inPage: async (urlPart, script) => {
      const page = await waitFor(`a page on ${urlPart}`, () => context.pages().find((p) => p.url().includes(urlPart)));
      await page.waitForLoadState('load');
      return page.evaluate(script);
    },
    audibleTabs: async () => ((await (await browser.worker()).evaluate('chrome.tabs.query({ audible: true })')) as unknown[]).length,
    reportedFrom: async (urlPart) => (await hooked(browser)).evaluate((part) => (globalThis as unknown as { socialHoursTest: { reportedFrom(p: string): boolean } }).socialHoursTest.reportedFrom(part), urlPart),
  };
  const [main] = await waitFor('the Chromium window', async () => {
    const found = await desktop!.windows('chromium');
    return found.length === 1 ? found : undefined;
  });
  const windows: ScenarioWindows = { main: main!, second: '' };
  await desktop.place(windows.main);
  await desktop.activate(windows.main);
  // Focus in the page, not the address bar (where a launch leaves it).
  await desktop.clickIn(windows.main, 550, 500);

  const notes: string[] = [];
  // "Installed with tabs already open" is not a phase here: Chromium installs an extension
  // into a running browser only over CDP's pipe (tests/browser/open-tabs.test.ts does), and
  // this browser is attached over a port so that Playwright leaves the focus alone.
  const phases: Phase[] = sharedPhases(desktop, scenarioBrowser, windows, notes, timing);
  const spans = await runPhases(desktop, phases, (line) => console.log(line));

  const worker = await hooked(browser);
  await worker.evaluate('globalThis.socialHoursTest.tick()');
  await worker.evaluate('globalThis.socialHoursTest.flush()');
  const sessions = (await worker.evaluate('globalThis.socialHoursTest.sessions()')) as SessionRecord[];
  report('chromium', score(spans, sessions), notes, (Date.now() - began) / 1000, sessions);
});
