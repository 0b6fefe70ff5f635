import { describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { browserPerTest } from '../support/browser-per-test';
import { ExtensionDriver } from '../support/extension';

/** The extension API inside the service worker, where `inWorker` callbacks run. */
declare const chrome: Browser;

const browsers = browserPerTest();

describe("settings through the browser's own sync storage (chrome.storage.sync)", () => {
  it('sends a client created here, and takes one another browser wrote, once the user turns it on', async () => {
    const browser = await browsers.launch();
    const ext = new ExtensionDriver(browser);
    const syncItems = () => ext.inWorker(() => chrome.storage.sync.get(null), null);
    const dashboard = await browser.extensionPage('options.html#sync');

    // Off by default: nothing goes to the sync storage.
    await dashboard.getByTestId('sync-browser-toggle').waitFor();
    expect(await dashboard.getByTestId('sync-browser-toggle').isChecked()).toBe(false);
    await dashboard.getByTestId('sync-browser-toggle').click();
    await expect.poll(() => dashboard.getByTestId('sync-browser-toggle').isChecked()).toBe(true);
    await expect.poll(() => dashboard.getByTestId('sync-browser-state').textContent(), { timeout: 30_000 }).toMatch(/Last synced/);

    await dashboard.goto(dashboard.url().replace(/#.*$/, '#clients'));
    await dashboard.getByTestId('client-new').click();
    await dashboard.fill('#client-name', 'Boulangerie Dupont');
    await dashboard.getByTestId('client-save').click();
    await dashboard.getByTestId('client-Boulangerie Dupont').waitFor();
    await expect
      .poll(async () => Object.entries(await syncItems()).filter(([key]) => key.startsWith('c:')).map(([, value]) => (value as { name: string }).name), { timeout: 30_000 })
      .toEqual(['Boulangerie Dupont']);

    // Another browser of the same account writes a client: it arrives here, in the dashboard.
    const now = await ext.clock();
    await ext.inWorker(
      (at) => chrome.storage.sync.set({ 'c:fleuriste-martin': { id: 'fleuriste-martin', name: 'Fleuriste Martin', color: '#2563eb', archived: false, createdAt: at, updatedAt: at } }),
      now,
    );
    await dashboard.getByTestId('client-Fleuriste Martin').waitFor({ timeout: 30_000 });

    await dashboard.goto(dashboard.url().replace(/#.*$/, '#sync'));
    await expect.poll(() => dashboard.getByText(/KB used of 100 KB/).count()).toBe(1);
  });
});
