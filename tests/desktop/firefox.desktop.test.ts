import type { Page } from 'puppeteer-core';
import { afterAll, it } from 'vitest';
import type { SessionRecord } from '../../lib/db/records';
import { startFakeSites, type FakeSites } from '../browser/support/fake-sites';
import { startDesktop, waitFor, type Desktop } from './support/display';
import { launchHeadedFirefox, type HeadedFirefox } from './support/headed-firefox';
import { report } from './support/report';
import { runPhases, score, type Phase } from './support/scenario';
import { scenarioTiming, FACEBOOK, sharedPhases, type ScenarioBrowser, type ScenarioWindows } from './support/social-scenario';

let desktop: Desktop | undefined;
let sites: FakeSites | undefined;
let firefox: HeadedFirefox | undefined;

afterAll(async () => {
  await firefox?.close();
  await sites?.close();
  await desktop?.close();
});

it('headed Firefox ESR on a real desktop records each phase as expected', async () => {
  const began = Date.now();
  const timing = scenarioTiming();
  desktop = await startDesktop();
  sites = await startFakeSites();
  // (h) "installed with tabs already open": the Facebook tab exists before the extension.
  firefox = await launchHeadedFirefox(desktop, sites, { install: false });
  const ff = firefox;
  const tab1 = (await ff.browser.pages())[0]!;
  await tab1.goto('https://www.facebook.com/SomePage');
  await ff.install();
  const control = await ff.control();
  await control.evaluate(`browser.storage.local.set({ settings: { readingAllowanceSeconds: ${timing.allowanceSeconds} } })`);
  const tab2 = await ff.browser.newPage();
  await tab2.goto('https://www.instagram.com/some.handle/');
  // The control tab goes last, so that alt+1 and alt+2 are Facebook and Instagram.
  await control.evaluate('browser.tabs.getCurrent().then((t) => browser.tabs.move(t.id, { index: -1 }))');
  await tab1.bringToFront();

  const pageOn = async (urlPart: string): Promise<Page> =>
    waitFor(`a page on ${urlPart}`, async () => (await ff.browser.pages()).find((p) => p.url().includes(urlPart)));
  const scenarioBrowser: ScenarioBrowser = {
    windowClass: 'firefox',
    tabKey: (n) => `alt+${n}`,
    inPage: async (urlPart, script) => {
      const page = await pageOn(urlPart);
      await waitFor(`${urlPart} loaded`, async () => (await page.evaluate('document.readyState')) === 'complete');
      return page.evaluate(script);
    },
    audibleTabs: async () => ((await control.evaluate('browser.tabs.query({ audible: true })')) as unknown[]).length,
    reportedFrom: (urlPart) => ff.hook('reportedFrom', urlPart),
  };
  const [main] = await waitFor('the Firefox window', async () => {
    const found = await desktop!.windows('firefox');
    return found.length === 1 ? found : undefined;
  });
  const windows: ScenarioWindows = { main: main!, second: '' };
  await desktop.place(windows.main);
  await desktop.activate(windows.main);
  await desktop.clickIn(windows.main, 550, 500);

  const notes: string[] = [];
  const phases: Phase[] = [
    { name: '(h) installed with the tab already open, input', expect: FACEBOOK, seconds: timing.work, activity: { kind: 'input', window: () => windows.main } },
    ...sharedPhases(desktop, scenarioBrowser, windows, notes, timing),
  ];
  const spans = await runPhases(desktop, phases, (line) => console.log(line));

  await ff.hook('tick');
  await ff.hook('flush');
  const sessions = (await ff.hook('sessions')) as SessionRecord[];
  report('firefox', score(spans, sessions), notes, (Date.now() - began) / 1000, sessions);
});
