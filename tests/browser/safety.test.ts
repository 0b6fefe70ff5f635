import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { browserPerTest } from './support/browser-per-test';
import { ExtensionDriver, actOn } from './support/extension';

/** The extension API inside the service worker, where `inWorker` callbacks run. */
declare const chrome: Browser;

const browsers = browserPerTest();

const observeFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const HOSTILE = '<img src=x onerror="window.pwned=1"><b>Dupont</b> =1+1';

async function createClient(dashboard: Page, name: string): Promise<void> {
  await dashboard.getByTestId('client-new').click();
  await dashboard.fill('#client-name', name);
  await dashboard.selectOption('#client-period', 'day');
  await dashboard.fill('#client-hours', '1');
  await dashboard.getByTestId('client-save').click();
  await dashboard.getByTestId(`client-${name}`).waitFor();
}

describe('safety in Chromium', () => {
  it('shows names containing HTML as text everywhere, never runs them', async () => {
    const browser = await browsers.launch();
    const ext = new ExtensionDriver(browser);
    const dashboard = await browser.extensionPage('options.html#clients');
    await createClient(dashboard, HOSTILE);
    expect(await dashboard.getByTestId(`client-${HOSTILE}`).locator('strong').textContent()).toBe(HOSTILE);
    expect(await dashboard.locator('main img').count()).toBe(0);

    const page = browser.context.pages()[0]!;
    await page.goto('https://www.facebook.com/boulangerie-dupont');
    await page.bringToFront();
    await actOn(page);
    await ext.advanceClock(30);
    await actOn(page);
    const popup = await browser.extensionPage('popup.html');
    await popup.getByTestId('cockpit').waitFor();
    expect(await popup.getByTestId('cockpit').textContent()).toContain(HOSTILE);
    expect(await popup.locator('img').count()).toBe(0);

    const id = await ext.inWorker(
      () =>
        new Promise<string>((resolve) => {
          const request = indexedDB.open('social-hours');
          request.onsuccess = () => {
            const all = request.result.transaction('clients').objectStore('clients').getAll();
            all.onsuccess = () => resolve((all.result as Array<{ id: string }>)[0]!.id);
          };
        }),
      null,
    );
    const report = await browser.extensionPage(`report.html?client=${id}&from=2020-01-01&to=2030-12-31`);
    await report.getByTestId('client-report').waitFor();
    expect(await report.locator('h1').textContent()).toBe(`Time report: ${HOSTILE}`);
    for (const p of [dashboard, popup, report]) expect(await p.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  });

  it('makes no network request of its own through a whole working session', async () => {
    const browser = await browsers.launch();
    const ext = new ExtensionDriver(browser);
    const requests: string[] = [];
    browser.context.on('request', (r) => requests.push(r.url()));
    browsers.sites().log.length = 0;

    const page = browser.context.pages()[0]!;
    const visited = ['https://www.facebook.com/boulangerie-dupont', 'https://www.instagram.com/fleuriste.martin/', 'https://www.linkedin.com/company/acme-conseil/'];
    for (const url of visited) {
      await page.goto(url);
      await page.bringToFront();
      await actOn(page);
      await ext.advanceClock(30);
      await actOn(page);
    }
    const dashboard = await browser.extensionPage('options.html#clients');
    await createClient(dashboard, 'Boulangerie Dupont');
    for (const section of ['reports', 'timesheet', 'unassigned', 'rules', 'sites', 'sync', 'settings', 'export']) {
      await dashboard.goto(`chrome-extension://${browser.extensionId}/options.html#${section}`);
      // The section has rendered (and started whatever it loads) once its tab is the current one.
      await expect.poll(() => dashboard.getByTestId(`nav-${section}`).getAttribute('aria-current')).toBe('page');
    }
    await dashboard.getByTestId('export-csv').click();
    await dashboard.getByTestId('backup-download').click();
    const popup = await browser.extensionPage('popup.html');
    await popup.getByTestId('total-today').waitFor();
    // Not a wait for something to happen but a window for a stray request to show up: the
    // popup asks the background every second, and the badge follows a second after a change.
    // A slow machine can only make this check weaker, never fail it.
    await observeFor(2500);
    await ext.inWorker(async () => {
      await chrome.alarms.getAll();
    }, null);

    // Every request is a page the test opened, or a file of the extension itself.
    const own = `chrome-extension://${browser.extensionId}/`;
    const stray = requests.filter((url) => !url.startsWith(own) && !url.startsWith('blob:') && !url.startsWith('data:') && !visited.includes(url));
    expect(stray).toEqual([]);
    // And every host resolves to the fake server, which saw the sites' documents, the
    // browser's own favicon requests and its own Google services (autofill, update,
    // sign-in), nothing else.
    const browsersOwn = (host: string) => /(^|\.)(google\.com|googleapis\.com|gstatic\.com)$/.test(host);
    const unexpected = browsers.sites().log.filter(
      (r) => !(r.dest === 'document' && visited.includes(`https://${r.host}${r.path}`)) && r.path !== '/favicon.ico' && !browsersOwn(r.host),
    );
    expect(unexpected).toEqual([]);
  });
});
