import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser } from 'webextension-polyfill';
import type { ExtensionBrowser } from './support/chromium';
import { browserPerTest } from './support/browser-per-test';
import { ExtensionDriver } from './support/extension';

/** The extension API inside the service worker, where `inWorker` callbacks run. */
declare const chrome: Browser;

const browsers = browserPerTest();

async function start(lang?: string): Promise<{ browser: ExtensionBrowser; ext: ExtensionDriver; facebook: Page }> {
  const browser = await browsers.launch({ lang });
  const ext = new ExtensionDriver(browser);
  const facebook = browser.context.pages()[0] ?? (await browser.context.newPage());
  await facebook.goto('https://www.facebook.com/boulangerie-dupont');
  return { browser, ext, facebook };
}

/**
 * Opens the popup page in a second window that does not take the focus, the way the real
 * popup floats over the page: the Facebook tab stays the focused, active one.
 */
async function openPopupBeside(b: ExtensionBrowser, ext: ExtensionDriver): Promise<Page> {
  const opened = b.context.waitForEvent('page');
  await ext.inWorker((url) => chrome.windows.create({ url, focused: false }).then(() => undefined), `chrome-extension://${b.extensionId}/popup.html`);
  const popup = await opened;
  await popup.waitForSelector('[data-testid="pause-toggle"]');
  return popup;
}

async function totalSeconds(popup: Page): Promise<number> {
  return Number(await popup.getByTestId('total-today').getAttribute('data-ms')) / 1000;
}

/** Today's time as the background holds it (the open session brought up to now and written). */
async function storedSeconds(ext: ExtensionDriver): Promise<number> {
  return (await ext.sessions()).reduce((sum, s) => sum + (s.end - s.start), 0) / 1000;
}

describe('the popup', () => {
  it('says plainly that nothing is tracked yet on the first day', async () => {
    const b = await browsers.launch();
    const popup = await b.extensionPage('popup.html');
    await expect.poll(() => popup.getByTestId('empty-today').textContent()).toContain('Nothing tracked yet.');
    expect(await popup.getByTestId('total-today').textContent()).toBe('0 s');
    // The popup's own tab is active: it is not a tracked platform.
    expect(await popup.getByTestId('now-reason').getAttribute('data-reason')).toBe('not-tracked');
  });

  it("shows today's totals, what is counted now, and updates while open", async () => {
    const { browser: b, ext, facebook } = await start();
    await ext.work(facebook, 60);
    const popup = await openPopupBeside(b, ext);

    await expect.poll(() => popup.getByTestId('now-platform').textContent()).toBe('Facebook');
    expect(await popup.getByTestId('now-account').textContent()).toBe('boulangerie-dupont');
    expect(await popup.getByTestId('now-client').textContent()).toBe('Unassigned');
    await expect.poll(() => popup.getByTestId('total-today').textContent()).toBe('1 min');
    expect(await popup.getByTestId('unassigned-today').textContent()).toBe("1 min of today's time is unassigned.");
    expect(await popup.getByTestId('by-platform').textContent()).toContain('Facebook');

    await facebook.bringToFront();
    await ext.work(facebook, 120);
    await expect.poll(() => popup.getByTestId('total-today').textContent()).toBe('3 min');
  });

  it('pauses and resumes tracking from its switch', async () => {
    const { browser: b, ext, facebook } = await start();
    await ext.work(facebook, 40);
    const popup = await openPopupBeside(b, ext);
    await popup.getByTestId('pause-toggle').press('Enter');
    await expect.poll(() => popup.getByTestId('now-reason').getAttribute('data-reason')).toBe('paused');
    expect(await popup.getByTestId('pause-toggle').getAttribute('aria-pressed')).toBe('true');
    // The real popup closes when the user goes back to the page; this one is a normal window,
    // which the keyboard gave the focus: closing it gives the focus back to the page's window.
    await popup.close();

    await ext.work(facebook, 100);
    // Nothing counted while paused: what is stored says so, and the popup shows what is stored.
    const stored = await storedSeconds(ext);
    expect(stored).toBeGreaterThanOrEqual(40);
    expect(stored).toBeLessThan(44);
    const again = await openPopupBeside(b, ext);
    await expect.poll(() => totalSeconds(again)).toBe(stored);

    // A click as DOM event: trusted input would give the popup's window the focus.
    const toggle = again.getByTestId('pause-toggle');
    await toggle.dispatchEvent('click');
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await ext.work(facebook, 20);
    await expect.poll(() => again.getByTestId('now-platform').textContent()).toBe('Facebook');
    // The test's clock moves only when the test moves it: once the popup has caught up, its
    // total is the stored time plus the open session, exactly what the background holds.
    const after = await storedSeconds(ext);
    expect(after).toBeGreaterThanOrEqual(60);
    expect(after).toBeLessThan(66);
    await expect.poll(() => totalSeconds(again)).toBe(after);
  });

  it('speaks French in a French browser', async () => {
    const { browser: b, ext, facebook } = await start('fr');
    await ext.work(facebook, 60);
    const popup = await openPopupBeside(b, ext);
    await expect.poll(() => popup.locator('h1').textContent()).toBe("Aujourd'hui");
    expect(await popup.getByTestId('now-client').textContent()).toBe('Non attribué');
    expect(await popup.getByTestId('pause-toggle').textContent()).toBe('Mettre en pause');
    expect(await popup.locator('html').getAttribute('lang')).toMatch(/^fr/);
  });
});
