import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';
import { ExtensionDriver, seconds } from './support/extension';
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

/** Creates a client through the dashboard form, as a user would, with the keyboard where it is natural. */
async function createClient(dashboard: Page, name: string, hoursPerDay: string): Promise<void> {
  await dashboard.getByTestId('client-new').click();
  await dashboard.fill('#client-name', name);
  await dashboard.selectOption('#client-period', 'day');
  await dashboard.fill('#client-hours', hoursPerDay);
  await dashboard.fill('#client-rate', '40');
  await dashboard.getByTestId('client-save').press('Enter');
  await dashboard.getByTestId(`client-${name}`).waitFor();
}

async function openPopupBeside(): Promise<Page> {
  const opened = browser.context.waitForEvent('page');
  await ext.inWorker((url) => chrome.windows.create({ url, focused: false }).then(() => undefined), `chrome-extension://${browser.extensionId}/popup.html`);
  const popup = await opened;
  await popup.waitForSelector('[data-testid="pause-toggle"]');
  return popup;
}

async function badge(): Promise<{ text: string; color: number[] }> {
  return ext.inWorker(async () => ({
    text: await chrome.action.getBadgeText({}),
    color: (await chrome.action.getBadgeBackgroundColor({})) as number[],
  }), null);
}

/** The badge follows the tracker a moment later (at most once a second): wait until it shows `text`. */
async function badgeShowing(text: string): Promise<{ text: string; color: number[] }> {
  await expect.poll(async () => (await badge()).text).toBe(text);
  return badge();
}

describe('clients, contracts and the cockpit in Chromium', () => {
  it('creates a client with a contract in the dashboard, refusing a bad one with a clear message', async () => {
    const dashboard = await browser.extensionPage('options.html#clients');
    await expect.poll(() => dashboard.locator('.empty').textContent()).toContain('No clients yet');
    await createClient(dashboard, 'Boulangerie Dupont', '1,5');
    expect(await dashboard.getByTestId('client-Boulangerie Dupont').textContent()).toContain('1.5 h a day');

    await dashboard.getByTestId('client-new').click();
    await dashboard.fill('#client-name', 'boulangerie dupont');
    await dashboard.selectOption('#client-period', 'day');
    await dashboard.fill('#client-hours', '25');
    await dashboard.fill('#client-rate', 'quarante');
    await dashboard.getByTestId('client-save').click();
    expect(await dashboard.locator('#client-name-error').textContent()).toBe('Another client already has this name.');
    expect(await dashboard.locator('#client-hours-error').textContent()).toBe('A day holds 24 hours at most.');
    expect(await dashboard.locator('#client-rate-error').textContent()).toBe('The rate is an amount an hour with at most two decimals, from 0 to 100,000, like 45 or 45.50.');
    expect(await dashboard.locator('#client-name').getAttribute('aria-invalid')).toBe('true');
    expect(await ext.inWorker(() => new Promise<number>((resolve) => {
      const request = indexedDB.open('social-hours');
      request.onsuccess = () => {
        const count = request.result.transaction('clients').objectStore('clients').count();
        count.onsuccess = () => resolve(count.result);
      };
    }), null)).toBe(1);
  });

  it('assigns the current account from the popup, shows the progress and colours the badge', async () => {
    await ext.everyDayWorking();
    const dashboard = await browser.extensionPage('options.html#clients');
    await createClient(dashboard, 'Boulangerie Dupont', '0,05');
    await dashboard.close();

    const facebook = browser.context.pages()[0]!;
    await facebook.goto('https://www.facebook.com/boulangerie-dupont');
    await facebook.bringToFront();
    await ext.work(facebook, 60);
    await badgeShowing('1m');

    const popup = await openPopupBeside();
    await expect.poll(() => popup.getByTestId('now-client').textContent()).toBe('Unassigned');
    // Opened without a trusted click: that would give the focus to the popup's window (a
    // normal window here, unlike the real popup), the tracker would follow it, and the
    // explanation would go away with the tracked page, sooner or later depending on load.
    await popup.getByTestId('why').dispatchEvent('click');
    expect(await popup.getByTestId('why-text').textContent()).toContain('no rule matches this page');

    // The same for the choice and the button: DOM events, no trusted input into the popup's window.
    await popup.getByTestId('assign-client').evaluate((select: HTMLSelectElement, label) => {
      select.value = [...select.options].find((o) => o.label === label)!.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }, 'Boulangerie Dupont');
    await popup.getByTestId('assign-save').dispatchEvent('click');
    await popup.getByTestId('reattribute-offer').waitFor();
    // Back to the page, as after closing the popup: the time now goes to the client.
    await facebook.bringToFront();
    await ext.work(facebook, 20);
    await expect.poll(() => popup.getByTestId('now-client').textContent()).toBe('Boulangerie Dupont');
    // A rule sends the account to the client now: no second "belongs to…" form, unless asked for.
    expect(await popup.getByTestId('assign-client').count()).toBe(0);
    await popup.getByTestId('not-this-client').dispatchEvent('click');
    await popup.getByTestId('assign-client').waitFor();
    await popup.getByTestId('not-this-client').dispatchEvent('click');
    await popup.getByTestId('why').dispatchEvent('click');
    expect(await popup.getByTestId('why-text').textContent()).toBe('Counted for Boulangerie Dupont: the account boulangerie-dupont on Facebook is assigned to this client.');
    // The minute before the rule was unassigned: the popup offered to move it.
    await popup.getByTestId('reattribute-yes').dispatchEvent('click');
    await expect.poll(() => popup.getByTestId('unassigned-today').count()).toBe(0);

    await facebook.bringToFront();
    await ext.work(facebook, 100);
    // One meter, today's: the contract is per day.
    const row = popup.getByTestId('cockpit-' + (await clientId('Boulangerie Dupont')));
    expect(await row.getAttribute('data-period')).toBe('day');
    // 0.05 h = 3 min contracted; 3 min used: near (≥ 80 %), then over.
    await expect.poll(() => row.getAttribute('data-state')).toMatch(/near|over/);
    await ext.work(facebook, 60);
    await expect.poll(() => row.getAttribute('data-state')).toBe('over');
    expect(await row.getByTestId('cockpit-status').textContent()).toMatch(/^▲ .+ over$/);
    await badgeShowing('4m');
    // The colour is set in the same refresh as the text, just before it is read back.
    await expect.poll(async () => (await badge()).color.slice(0, 3)).toEqual([0xcf, 0x22, 0x2e]);

    const sessions = await ext.sessions();
    expect(sessions.every((s) => s.clientId !== null)).toBe(true);
  });

  it('pauses automatic time while the manual timer runs, and logs the timer', async () => {
    const dashboard = await browser.extensionPage('options.html#clients');
    await createClient(dashboard, 'Fleuriste Martin', '1');
    await dashboard.close();
    const facebook = browser.context.pages()[0]!;
    await facebook.goto('https://www.facebook.com/boulangerie-dupont');
    await facebook.bringToFront();
    await ext.work(facebook, 20);

    const popup = await openPopupBeside();
    await popup.getByTestId('timer-tool').locator('summary').click();
    await popup.getByTestId('timer-client').selectOption({ label: 'Fleuriste Martin' });
    await popup.getByTestId('timer-kind').selectOption('call');
    await popup.getByTestId('timer-start').click();
    await popup.getByTestId('timer-stop').waitFor();
    expect(await popup.getByTestId('timer-card').textContent()).toContain('automatic tracking is paused');

    await facebook.bringToFront();
    await ext.work(facebook, 120);
    await popup.getByTestId('timer-stop').click();
    await popup.getByTestId('timer-tool').waitFor();
    await facebook.bringToFront();
    await ext.work(facebook, 20);

    const sessions = await ext.sessions();
    const manual = sessions.filter((s) => s.source === 'manual');
    const auto = sessions.filter((s) => s.source === 'auto');
    expect(manual).toHaveLength(1);
    expect(manual[0]).toMatchObject({ platform: 'manual', activity: 'call' });
    expect(seconds(manual[0]!)).toBeGreaterThanOrEqual(120);
    for (const a of auto) expect(a.end <= manual[0]!.start || a.start >= manual[0]!.end).toBe(true);
    expect(auto.reduce((sum, s) => sum + seconds(s), 0)).toBeLessThan(50);

    // The popup names the timer's time as every other view does, never by its stored id.
    await expect.poll(() => popup.getByTestId('by-platform').textContent()).toContain('Manual time');
    expect(await popup.getByTestId('by-platform').textContent()).not.toMatch(/\bmanual\b/);
  });
});

async function clientId(name: string): Promise<string> {
  return ext.inWorker(
    (n) =>
      new Promise<string>((resolve) => {
        const request = indexedDB.open('social-hours');
        request.onsuccess = () => {
          const all = request.result.transaction('clients').objectStore('clients').getAll();
          all.onsuccess = () => resolve((all.result as Array<{ id: string; name: string }>).find((c) => c.name === n)!.id);
        };
      }),
    name,
  );
}
