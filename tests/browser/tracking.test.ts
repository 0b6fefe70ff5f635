import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser } from 'webextension-polyfill';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';
import { ExtensionDriver, actOn, expectNoOverlap, seconds, summary } from './support/extension';
import { startFakeSites, type FakeSites } from './support/fake-sites';

/** The extension API inside the service worker, where `inWorker` callbacks run. */
declare const chrome: Browser;

let sites: FakeSites;
let browser: ExtensionBrowser;
let ext: ExtensionDriver;

beforeAll(async () => {
  sites = await startFakeSites();
});
afterAll(async () => {
  await sites.close();
});
beforeEach(async () => {
  browser = await launchWithExtension(sites);
  ext = new ExtensionDriver(browser);
});
afterEach(async () => {
  await browser.close();
});

/** Opens a page and waits until the extension watches it (its content script answers) and has heard all it said. */
async function openPage(url: string, page?: Page, { tracked = true }: { tracked?: boolean } = {}): Promise<Page> {
  const target = page ?? (await browser.context.newPage());
  await target.goto(url);
  await target.bringToFront();
  if (tracked) await ext.settlePage(target);
  else await ext.drained();
  return target;
}

describe('tracking in Chromium on fake social sites', () => {
  it('records Facebook, Instagram and LinkedIn pages with their platform and account', async () => {
    const page = await openPage('https://www.facebook.com/boulangerie-dupont', browser.context.pages()[0]);
    await ext.work(page, 40);
    await openPage('https://www.instagram.com/boulangerie.dupont/', page);
    await ext.work(page, 40);
    await openPage('https://www.linkedin.com/company/acme-conseil/admin/analytics/', page);
    await ext.work(page, 40);
    const sessions = await ext.sessions();
    expect(sessions.map((s) => [s.platform, s.account])).toEqual([
      ['facebook', 'boulangerie-dupont'],
      ['instagram', 'boulangerie.dupont'],
      ['linkedin', 'company/acme-conseil'],
    ]);
    expect(sessions.map((s) => s.activity)).toEqual(['browsing', 'browsing', 'insights']);
    for (const s of sessions) {
      expect(seconds(s)).toBeGreaterThanOrEqual(40);
      expect(seconds(s)).toBeLessThan(46);
      expect(s.clientId).toBeNull();
      expect(s.source).toBe('auto');
    }
  });

  it('counts nothing on a site that is not tracked', async () => {
    // No content script runs there: nothing to wait for but the background's own queue.
    const page = await openPage('https://www.example.com/boulangerie-dupont', undefined, { tracked: false });
    await ext.work(page, 40, { tracked: false });
    expect(await ext.sessions()).toEqual([]);
  });

  it('moves time between tabs and windows without ever counting two at once', async () => {
    const facebook = await openPage('https://www.facebook.com/boulangerie-dupont', browser.context.pages()[0]);
    const instagram = await openPage('https://www.instagram.com/boulangerie.dupont/');
    await facebook.bringToFront();
    await ext.work(facebook, 20);
    await instagram.bringToFront();
    await ext.work(instagram, 20);
    const linkedinOpened = browser.context.waitForEvent('page');
    await ext.inWorker((url) => chrome.windows.create({ url, focused: true }).then(() => undefined), 'https://www.linkedin.com/company/acme-conseil/');
    const linkedin = await linkedinOpened;
    await linkedin.waitForURL('https://www.linkedin.com/company/acme-conseil/');
    await ext.settlePage(linkedin);
    await ext.work(linkedin, 20);
    // Headless Chromium keeps the focus on the newest window whatever windows.update asks
    // (the extension believes the browser's view): closing it gives the focus back. Switches
    // between windows both ways, with real input, are proven on the desktop (tests/desktop).
    await linkedin.close();
    await facebook.bringToFront();
    await ext.work(facebook, 20);

    const sessions = await ext.sessions();
    expectNoOverlap(sessions);
    // Opening the Instagram tab counts a moment there too (choosing a tab is an act): keep the stretches of work.
    expect(sessions.filter((s) => seconds(s) >= 10).map((s) => s.platform)).toEqual(['facebook', 'instagram', 'linkedin', 'facebook']);
    const total = sessions.reduce((sum, s) => sum + seconds(s), 0);
    const span = (sessions.at(-1)!.end - sessions[0]!.start) / 1000;
    expect(total).toBeLessThanOrEqual(span);
    expect(total).toBeGreaterThanOrEqual(80);
  });

  it('counts a pause shorter than the allowance, and back-dates a longer one to the last activity', async () => {
    const page = await openPage('https://www.facebook.com/boulangerie-dupont', browser.context.pages()[0]);
    await actOn(page);
    await ext.advanceClock(45);
    await actOn(page);
    await ext.advanceClock(100);
    await ext.tick();
    let sessions = await ext.sessions();
    expect(sessions).toHaveLength(1);
    // 45 s of reading counted; none of the 100 s pause. (The end is back-dated to the last
    // input, which the page reports a fraction of a millisecond after it happened.)
    expect(seconds(sessions[0]!)).toBeGreaterThan(44.99);
    expect(seconds(sessions[0]!)).toBeLessThan(50);

    await actOn(page);
    await ext.advanceClock(20);
    await ext.setIdle('idle');
    await ext.advanceClock(300);
    await ext.setIdle('active');
    sessions = await ext.sessions();
    // System idle: back to the last input, so the 20 s before the idle report are not
    // billed (the session may vanish entirely: its only input was at its start).
    expect(sessions.slice(1).reduce((sum, s) => sum + seconds(s), 0)).toBeLessThan(3);
  });

  it('splits the session at a single-page navigation to another account', async () => {
    const page = await openPage('https://www.facebook.com/boulangerie-dupont?next=/fleuriste-martin', browser.context.pages()[0]);
    await ext.work(page, 20);
    await page.click('#spa-link');
    await page.waitForURL('https://www.facebook.com/fleuriste-martin');
    // The click's report carries the new URL: the split happens when it is handled, before the clock moves.
    await ext.settlePage(page);
    await ext.advanceClock(20);
    await actOn(page);
    const sessions = await ext.sessions();
    expect(summary(sessions).map(([p, a]) => [p, a])).toEqual([
      ['facebook', 'boulangerie-dupont'],
      ['facebook', 'fleuriste-martin'],
    ]);
    expect(sessions[0]!.end).toBe(sessions[1]!.start);
    expect(seconds(sessions[1]!)).toBeGreaterThanOrEqual(20);
  });

  it("does not let events dispatched by the page's own scripts keep a session alive", async () => {
    const page = await openPage('https://www.facebook.com/boulangerie-dupont', browser.context.pages()[0]);
    await ext.work(page, 10, { step: 10 });
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => (window as unknown as { dispatchFakeInput(): void }).dispatchFakeInput());
      // Were the fake input reported, this waits for the report to be handled, so the check below would see it.
      await ext.settlePage(page);
      await ext.advanceClock(30);
    }
    const sessions = await ext.sessions();
    expect(sessions).toHaveLength(1);
    expect(seconds(sessions[0]!)).toBeLessThan(15);

    const untouched = await openPage('https://www.instagram.com/boulangerie.dupont/', page);
    for (let i = 0; i < 3; i++) {
      await untouched.evaluate(() => (window as unknown as { dispatchFakeInput(): void }).dispatchFakeInput());
      await ext.settlePage(untouched);
      await ext.advanceClock(10);
    }
    expect((await ext.sessions()).filter((s) => s.platform === 'instagram')).toEqual([]);
  });

  it('resumes after the service worker is really terminated mid-session, losing and doubling nothing', async () => {
    const page = await openPage('https://www.facebook.com/boulangerie-dupont', browser.context.pages()[0]);
    await ext.work(page, 30, { step: 15 });
    await ext.inWorker(() => {
      (globalThis as { beforeStop?: boolean }).beforeStop = true;
    }, null);

    await ext.terminateWorker(page);

    // The next input wakes a new worker, which restores the tracker's checkpoint.
    await page.bringToFront();
    await actOn(page);
    expect(await ext.inWorker(() => (globalThis as { beforeStop?: boolean }).beforeStop ?? false, null)).toBe(false);
    await ext.advanceClock(15);
    await actOn(page);
    await ext.advanceClock(15);
    await actOn(page);

    const sessions = await ext.sessions();
    expect(sessions).toHaveLength(1);
    expect(seconds(sessions[0]!)).toBeGreaterThanOrEqual(60);
    expect(seconds(sessions[0]!)).toBeLessThan(66);
  });
});
