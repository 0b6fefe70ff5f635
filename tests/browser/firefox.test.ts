import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../lib/db/records';
import { startFakeSites, type FakeSites } from './support/fake-sites';
import { launchFirefox, type FirefoxWithExtension } from './support/firefox';

let sites: FakeSites;
let ff: FirefoxWithExtension;

beforeAll(async () => {
  sites = await startFakeSites();
});
afterAll(async () => {
  await sites.close();
});
beforeEach(async () => {
  ff = await launchFirefox(sites);
});
afterEach(async () => {
  await ff.close();
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The extension API in the control page, where `evaluate` callbacks run. */
type FirefoxApi = { browser: { storage: { sync: { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } } } };

/**
 * Waits until the page's content script runs, has sent every report it holds, and the
 * background has handled them all (a condition, not a delay).
 */
async function settlePage(page: Page): Promise<void> {
  await ff.hook('settlePage', page.url());
}

/** A trusted click away from the page's links once the content script runs, then a wait until its report is handled. */
async function act(page: Page): Promise<void> {
  await settlePage(page);
  await page.mouse.click(5, 5);
  await settlePage(page);
}

async function work(page: Page, seconds: number): Promise<void> {
  await act(page);
  for (let t = 20; t <= seconds; t += 20) {
    await ff.hook('advanceClock', 20_000);
    await act(page);
  }
}

async function sessions(): Promise<SessionRecord[]> {
  await ff.hook('tick');
  await ff.hook('flush');
  return ff.hook('sessions');
}

async function site(url: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(url);
  await page.bringToFront();
  await settlePage(page);
  return page;
}

describe('Firefox ESR', () => {
  it('tracks the fake sites with their platform and account, one at a time', async () => {
    const page = await site('https://www.facebook.com/boulangerie-dupont');
    await work(page, 40);
    await page.goto('https://www.instagram.com/boulangerie.dupont/');
    await settlePage(page);
    await work(page, 40);
    const stored = await sessions();
    expect(stored.map((s) => [s.platform, s.account])).toEqual([
      ['facebook', 'boulangerie-dupont'],
      ['instagram', 'boulangerie.dupont'],
    ]);
    for (const s of stored) expect((s.end - s.start) / 1000).toBeGreaterThanOrEqual(40);
    expect(stored[1]!.start).toBeGreaterThanOrEqual(stored[0]!.end);
  });

  it("shows today's total in the popup and creates a client in the dashboard", async () => {
    const page = await site('https://www.facebook.com/boulangerie-dupont');
    await work(page, 60);
    await sessions();
    const popup = await ff.extensionPage('popup.html', '[data-testid="total-today"][data-ms]');
    await popup.waitForFunction(() => Number(document.querySelector('[data-testid="total-today"]')?.getAttribute('data-ms')) >= 60_000, { timeout: 10_000 });
    expect(await popup.$eval('[data-testid="by-platform"]', (e) => e.textContent)).toContain('Facebook');

    const dashboard = await ff.extensionPage('options.html#clients', '[data-testid="client-new"]');
    await dashboard.click('[data-testid="client-new"]');
    await dashboard.type('#client-name', 'Boulangerie Dupont');
    await dashboard.select('#client-period', 'day');
    await dashboard.type('#client-hours', '1,5');
    await dashboard.click('[data-testid="client-save"]');
    await dashboard.waitForSelector('[data-testid="client-Boulangerie Dupont"]');
    expect(await dashboard.$eval('[data-testid="client-Boulangerie Dupont"]', (e) => e.textContent)).toContain('1.5 h a day');
  });

  it('exports the sessions CSV', async () => {
    const page = await site('https://www.facebook.com/boulangerie-dupont');
    await work(page, 40);
    await sessions();
    const dashboard = await ff.extensionPage('options.html#export', '[data-testid="export-csv"]');
    const today = await dashboard.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    for (const field of ['#export-from', '#export-to']) {
      await dashboard.$eval(field, (e, v) => {
        const input = e as HTMLInputElement;
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, today);
    }
    await dashboard.click('[data-testid="export-csv"]');
    const file = await ff.control.waitForFunction(
      async () => {
        const items = await (globalThis as unknown as { browser: { downloads: { search(q: object): Promise<Array<{ filename: string; state: string }>> } } }).browser.downloads.search({ state: 'complete' });
        return items[0]?.filename ?? false;
      },
      { timeout: 15_000, polling: 200 },
    );
    const csv = readFileSync(String(await file.jsonValue()), 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('date,start,end,minutes,client,platform,account,activity,source,note,seconds,member');
    expect(lines[1]!.split(',').slice(5, 9)).toEqual(['facebook', 'boulangerie-dupont', 'browsing', 'auto']);
  });

  it("turns on settings sync through Firefox's own storage.sync: a client made here goes there, one from another Firefox arrives", async () => {
    const syncedClientNames = () =>
      ff.control.evaluate(async () => {
        const items = await (globalThis as unknown as FirefoxApi).browser.storage.sync.get(null);
        return Object.entries(items).filter(([key]) => key.startsWith('c:')).map(([, value]) => (value as { name: string }).name);
      });

    const dashboard = await ff.extensionPage('options.html#sync', '[data-testid="sync-browser-toggle"]');
    expect(await dashboard.$eval('[data-testid="sync-browser-toggle"]', (e) => (e as HTMLInputElement).checked)).toBe(false);
    await dashboard.click('[data-testid="sync-browser-toggle"]');
    await dashboard.waitForFunction(() => /Last synced/.test(document.querySelector('[data-testid="sync-browser-state"]')?.textContent ?? ''), { timeout: 30_000 });

    const clients = await ff.extensionPage('options.html#clients', '[data-testid="client-new"]', dashboard);
    await clients.click('[data-testid="client-new"]');
    await clients.type('#client-name', 'Boulangerie Dupont');
    await clients.click('[data-testid="client-save"]');
    await clients.waitForSelector('[data-testid="client-Boulangerie Dupont"]');
    for (const deadline = Date.now() + 30_000; !(await syncedClientNames()).includes('Boulangerie Dupont'); ) {
      expect(Date.now()).toBeLessThan(deadline);
      await pause(200);
    }

    // Another Firefox of the same account writes a client: it arrives in this dashboard.
    const now = await ff.hook('clock');
    await ff.control.evaluate(
      (at) => (globalThis as unknown as FirefoxApi).browser.storage.sync.set({ 'c:fleuriste-martin': { id: 'fleuriste-martin', name: 'Fleuriste Martin', color: '#2563eb', archived: false, createdAt: at, updatedAt: at } }),
      now,
    );
    await clients.waitForSelector('[data-testid="client-Fleuriste Martin"]', { timeout: 30_000 });
  });

  it('resumes after the event page is terminated again and again mid-session, losing and doubling nothing', async () => {
    const page = await site('https://www.facebook.com/boulangerie-dupont');
    await work(page, 40);
    const instances = [await ff.hook('instance')];
    for (let round = 0; round < 2; round++) {
      const tools = await ff.browser.newPage();
      void tools.goto('about:debugging#/runtime/this-firefox').catch(() => undefined);
      // about: pages refuse Puppeteer's injected waiting code: poll with plain evaluations.
      let clicked = false;
      for (const deadline = Date.now() + 30_000; !clicked && Date.now() < deadline; ) {
        await pause(200);
        clicked = await tools
          .evaluate(() => {
            const button = document.querySelector<HTMLButtonElement>('.qa-temporary-extension-terminate-bgscript-button');
            button?.click();
            return Boolean(button);
          })
          .catch(() => false);
      }
      expect(clicked).toBe(true);
      // Terminated once about:debugging says so ("Background script: Stopped"), not after a delay.
      let stopped = false;
      for (const deadline = Date.now() + 30_000; !stopped && Date.now() < deadline; ) {
        await pause(100);
        stopped = await tools
          .evaluate(() => /Background script\s*Stopped/.test(document.querySelector('.qa-temporary-extension-terminate-bgscript-button')?.closest('li')?.textContent ?? ''))
          .catch(() => false);
      }
      expect(stopped).toBe(true);
      await tools.close();
      await page.bringToFront();
      await work(page, 40);
      instances.push(await ff.hook('instance'));
    }
    expect(new Set(instances).size).toBe(3);

    // One session per stretch on the page: going to about:debugging in another tab ends
    // each (the tab switch, not the termination). All are whole and none overlap.
    const stored = await sessions();
    expect(stored.map((s) => s.account)).toEqual(['boulangerie-dupont', 'boulangerie-dupont', 'boulangerie-dupont']);
    const lengths = stored.map((s) => (s.end - s.start) / 1000);
    for (const length of lengths) expect(length).toBeGreaterThanOrEqual(40);
    expect(lengths.reduce((a, b) => a + b, 0)).toBeLessThan(140);
    for (let i = 1; i < stored.length; i++) expect(stored[i]!.start).toBeGreaterThanOrEqual(stored[i - 1]!.end);
  });
});
