import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';
import { ExtensionDriver, actOn } from './support/extension';
import { startFakeSites, type FakeSites } from './support/fake-sites';
import { axeViolations } from './support/axe';
import type { Browser } from 'webextension-polyfill';

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

/** Opens a page of a fake site and acts there for `seconds` of tracker time. */
async function track(page: Page, url: string, seconds: number): Promise<void> {
  await page.goto(url);
  await page.bringToFront();
  await ext.settlePage(page);
  await actOn(page);
  for (let t = 20; t <= seconds; t += 20) {
    await ext.advanceClock(20);
    await actOn(page);
  }
}

describe('a first week that sets itself up', () => {
  it('the e2e build opens no welcome page at install; the page itself is accessible and keyboard-usable', async () => {
    // The extension was installed at launch: its worker has run onInstalled by now.
    await ext.drained();
    expect(browser.context.pages().some((p) => p.url().includes('welcome.html'))).toBe(false);

    const welcome = await browser.extensionPage('welcome.html');
    await welcome.getByTestId('welcome').waitFor();
    expect(await welcome.locator('main').count()).toBe(1);
    expect(await welcome.locator('main h2').allTextContents()).toEqual(['What is tracked', 'Create your clients', 'Check the rules']);
    expect(await welcome.getByRole('list', { name: 'What is tracked' }).getByText('Instagram', { exact: true }).count()).toBe(1);
    // An en-US browser: the public holidays are the United States', stored at install, and the page says so.
    expect(await ext.inWorker(async () => ((await chrome.storage.local.get('settings')).settings as { holidayCountry?: string } | undefined)?.holidayCountry, null)).toBe('US');
    expect(await welcome.getByTestId('welcome-calendar').textContent()).toContain('leaving out public holidays (country: United States).');
    expect(await axeViolations(welcome)).toEqual([]);

    // Tab reaches the links in reading order, and Enter follows one.
    const focused: string[] = [];
    for (let i = 0; i < 4; i++) {
      await welcome.keyboard.press('Tab');
      focused.push(await welcome.evaluate(() => document.activeElement?.getAttribute('href') ?? ''));
    }
    expect(focused).toEqual(['options.html#sites', 'options.html#clients', 'options.html#settings', 'options.html#rules']);
    await welcome.keyboard.press('Enter');
    await welcome.waitForURL(/options\.html#rules$/);
    await welcome.getByTestId('rule-form').waitFor();
  });

  it('shows the welcome page in French', async () => {
    await browser.close();
    browser = await launchWithExtension(sites, { lang: 'fr' });
    const french = new ExtensionDriver(browser);
    // Stored at install from the browser's language, before the page reads it.
    await expect.poll(() => french.inWorker(async () => ((await chrome.storage.local.get('settings')).settings as { holidayCountry?: string } | undefined)?.holidayCountry, null)).toBe('FR');
    const welcome = await browser.extensionPage('welcome.html');
    await welcome.getByRole('heading', { level: 1, name: 'Bienvenue dans Social Hours' }).waitFor();
    expect(await welcome.locator('html').getAttribute('lang')).toBe('fr');
    expect(await welcome.getByTestId('welcome-calendar').textContent()).toContain('sans les jours fériés (pays : France).');
  });

  it('"+ New client" in a client picker creates the client and selects it; Escape cancels', async () => {
    const dashboard = await browser.extensionPage('options.html#rules');
    const picker = dashboard.locator('#rule-client');
    await picker.waitFor();

    await picker.selectOption({ label: '+ New client…' });
    const dialog = dashboard.getByTestId('new-client-dialog');
    await dialog.waitFor();
    await expect.poll(() => dashboard.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('new-client-name');
    await dashboard.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await picker.inputValue()).toBe('');
    await expect.poll(() => dashboard.evaluate(() => document.activeElement?.id)).toBe('rule-client');

    await picker.selectOption({ label: '+ New client…' });
    await dashboard.getByTestId('new-client-save').click();
    // An empty name is refused, in the dialog.
    await dialog.getByRole('alert').waitFor();
    await dashboard.getByTestId('new-client-name').fill('Fleuriste Martin');
    await dashboard.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => picker.locator('option:checked').textContent()).toBe('Fleuriste Martin');
    await expect.poll(() => dashboard.evaluate(() => document.activeElement?.id)).toBe('rule-client');

    // The new client is a real one: the rule form takes it, and the Clients section lists it.
    await dashboard.locator('#rule-account').fill('fleuriste-martin');
    await dashboard.getByTestId('rule-save').click();
    await dashboard.getByTestId('rules-list').getByText('fleuriste-martin').waitFor();
    await dashboard.goto(`chrome-extension://${browser.extensionId}/options.html#clients`);
    await dashboard.getByTestId('client-Fleuriste Martin').waitFor();
  });

  it('suggests a client from alike accounts on two platforms, and "Create and assign" gives it rules and the past time', async () => {
    const page = browser.context.pages()[0]!;
    await track(page, 'https://www.facebook.com/boulangerie-dupont', 40);
    await track(page, 'https://www.instagram.com/boulangerie.dupont/', 40);
    // Leave the platforms, so that no session is open while the dashboard reassigns the past.
    await page.goto('https://www.example.com/');
    await ext.drained();
    const before = await ext.sessions();
    expect(before.map((s) => [s.platform, s.account, s.clientId])).toEqual([
      ['facebook', 'boulangerie-dupont', null],
      ['instagram', 'boulangerie.dupont', null],
    ]);

    const dashboard = await browser.extensionPage('options.html#clients');
    const suggestion = dashboard.getByTestId('suggestion-Boulangerie Dupont');
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toContain('Facebook · boulangerie-dupont, Instagram · boulangerie.dupont');
    expect(await axeViolations(dashboard)).toEqual([]);

    await suggestion.getByRole('button', { name: 'Create and assign: Boulangerie Dupont' }).click();
    await expect.poll(() => dashboard.getByTestId('suggestion-message').textContent()).toBe('Boulangerie Dupont: 2 account rules added, 2 past sessions assigned.');
    await dashboard.getByTestId('client-Boulangerie Dupont').waitFor();
    await suggestion.waitFor({ state: 'detached' });

    const after = await ext.storedSessions();
    const clientIds = new Set(after.map((s) => s.clientId));
    expect(clientIds.size).toBe(1);
    expect([...clientIds][0]).not.toBeNull();
    expect(after.map((s) => s.assignedBy)).toEqual(['rule', 'rule']);

    await dashboard.goto(`chrome-extension://${browser.extensionId}/options.html#rules`);
    const rules = dashboard.getByTestId('rules-list');
    await rules.waitFor();
    const texts = await rules.locator('li').allTextContents();
    expect(texts).toHaveLength(2);
    expect(texts.some((t) => t.includes('boulangerie-dupont') && t.includes('Facebook'))).toBe(true);
    expect(texts.some((t) => t.includes('boulangerie.dupont') && t.includes('Instagram'))).toBe(true);
  });

  it('every disabled control of the dashboard says why, in visible text', async () => {
    const dashboard = await browser.extensionPage('options.html#reports');
    /** Disabled controls whose description (aria-describedby) is missing, hidden or empty. */
    const unexplained = () =>
      dashboard.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('button:disabled, input:disabled, select:disabled')]
          .filter((control) => !control.closest('label')?.textContent?.trim())
          .filter((control) => {
            const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
            const reasons = ids.map((id) => document.getElementById(id)).filter((el) => el && el.checkVisibility() && el.textContent?.trim());
            return reasons.length === 0;
          })
          .map((control) => control.dataset.testid ?? control.outerHTML.slice(0, 80)),
      );
    // The timesheet and the unassigned time are another change's.
    for (const section of ['reports', 'clients', 'rules', 'manual', 'export', 'sites', 'settings']) {
      await dashboard.goto(`chrome-extension://${browser.extensionId}/options.html#${section}`);
      await dashboard.locator(`section[aria-labelledby="${section}-title"]`).waitFor();
      expect(await unexplained(), section).toEqual([]);
    }
    // Export with no client chosen, then with the dates reversed: the report button is disabled, and says why.
    await dashboard.goto(`chrome-extension://${browser.extensionId}/options.html#export`);
    const report = dashboard.getByTestId('export-report');
    await expect.poll(() => report.isDisabled()).toBe(true);
    await dashboard.getByTestId('export-report-why').waitFor();
    await dashboard.locator('#export-from').fill('2030-01-02');
    await dashboard.locator('#export-to').fill('2030-01-01');
    await expect.poll(() => dashboard.getByTestId('export-csv').isDisabled()).toBe(true);
    expect(await unexplained()).toEqual([]);
  });
});
