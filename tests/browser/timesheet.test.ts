import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';
import { ExtensionDriver } from './support/extension';
import { startFakeSites, type FakeSites } from './support/fake-sites';
import { axeViolations } from './support/axe';

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

async function createClient(dashboard: Page, name: string): Promise<void> {
  await dashboard.getByTestId('client-new').click();
  await dashboard.fill('#client-name', name);
  await dashboard.getByTestId('client-save').click();
  await dashboard.getByTestId(`client-${name}`).waitFor();
}

/** The test id of the focused element, or its tag. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? '');
}

describe('the timesheet in Chromium', () => {
  it('lists one line per session, assigns and deletes several at once with one confirmation and an undo, by keyboard too', async () => {
    const dashboard = await browser.extensionPage('options.html#clients');
    await createClient(dashboard, 'Boulangerie Dupont');

    const page = browser.context.pages()[0]!;
    for (const url of ['https://www.facebook.com/boulangerie-dupont', 'https://www.instagram.com/fleuriste.martin/', 'https://www.linkedin.com/company/acme-conseil/']) {
      await page.goto(url);
      await page.bringToFront();
      await ext.work(page, 60);
    }
    const tracked = await ext.sessions();
    expect(tracked.map((s) => s.platform)).toEqual(['facebook', 'instagram', 'linkedin']);

    await dashboard.goto(`chrome-extension://${browser.extensionId}/options.html#timesheet`);
    const rows = dashboard.getByTestId('timesheet-row');
    await expect.poll(() => rows.count()).toBe(3);
    // One line each, closed: one button to open it, no form.
    expect(await dashboard.getByTestId('row-open').count()).toBe(3);
    expect(await dashboard.getByTestId('session-editor').count()).toBe(0);
    expect(await rows.nth(0).textContent()).toContain('Facebook · boulangerie-dupont');
    expect(await rows.nth(0).textContent()).toContain('Unassigned');
    expect(await dashboard.getByTestId('timesheet-day').count()).toBe(1);
    expect(await axeViolations(dashboard)).toEqual([]);

    // A line opens its form; Escape closes it and gives the focus back to the line.
    await rows.nth(0).getByTestId('row-open').click();
    await dashboard.getByTestId('session-editor').waitFor();
    // The form takes the focus once it is drawn.
    await expect.poll(() => focused(dashboard)).toBe('row-start');
    expect(await axeViolations(dashboard)).toEqual([]);
    await dashboard.keyboard.press('Escape');
    await expect.poll(() => dashboard.getByTestId('session-editor').count()).toBe(0);
    expect(await focused(dashboard)).toBe('row-open');
    expect(await dashboard.evaluate(() => document.activeElement?.closest('[data-session]')?.getAttribute('data-session'))).toBe(tracked[0]!.id);

    // Two sessions to the client: one question, then an undo.
    await rows.nth(0).getByTestId('select-session').check();
    await rows.nth(1).getByTestId('select-session').check();
    expect(await dashboard.getByTestId('bulk-count').textContent()).toMatch(/^2 selected/);
    await dashboard.getByTestId('bulk-client').selectOption({ label: 'Boulangerie Dupont' });
    await dashboard.getByTestId('bulk-assign').click();
    const dialog = dashboard.locator('dialog[open]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('will count for Boulangerie Dupont');
    expect(await axeViolations(dashboard)).toEqual([]);
    await dialog.getByTestId('confirm').click();
    await expect.poll(async () => (await ext.storedSessions()).filter((s) => s.clientId !== null).map((s) => s.platform)).toEqual(['facebook', 'instagram']);
    expect(await dashboard.locator('dialog[open]').count()).toBe(0);
    await expect.poll(() => rows.nth(1).textContent()).toContain('Boulangerie Dupont');
    await expect.poll(() => focused(dashboard)).toBe('timesheet-undo');
    await dashboard.keyboard.press('Enter');
    await expect.poll(async () => (await ext.storedSessions()).every((s) => s.clientId === null)).toBe(true);
    expect((await ext.storedSessions()).map((s) => s.assignedBy ?? null)).toEqual(tracked.map((s) => s.assignedBy ?? null));

    // Deleting asks first; Escape cancels and gives the focus back to the button that asked.
    await rows.nth(1).getByTestId('select-session').check();
    await rows.nth(2).getByTestId('select-session').check();
    await dashboard.getByTestId('bulk-delete').click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('2 session(s)');
    await dashboard.keyboard.press('Escape');
    await expect.poll(() => dashboard.locator('dialog[open]').count()).toBe(0);
    // The dialog closes at once, and the page removes it a moment later, giving the focus back.
    await expect.poll(() => focused(dashboard)).toBe('bulk-delete');
    expect(await ext.storedSessions()).toHaveLength(3);

    await dashboard.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByTestId('confirm').click();
    await expect.poll(() => rows.count()).toBe(1);
    expect((await ext.storedSessions()).map((s) => s.platform)).toEqual(['facebook']);
    await expect.poll(() => focused(dashboard)).toBe('timesheet-undo');
    expect(await axeViolations(dashboard)).toEqual([]);
    await dashboard.getByTestId('timesheet-undo').click();
    await expect.poll(() => rows.count()).toBe(3);
    expect((await ext.storedSessions()).map((s) => s.id)).toEqual(tracked.map((s) => s.id));
  });

  it('assigns an account\'s unassigned time and remembers it: the account\'s next time goes to the client by itself', async () => {
    const dashboard = await browser.extensionPage('options.html#clients');
    await createClient(dashboard, 'Boulangerie Dupont');
    const page = browser.context.pages()[0]!;
    await page.goto('https://www.facebook.com/boulangerie-dupont');
    await page.bringToFront();
    await ext.work(page, 60);
    await ext.sessions();

    await dashboard.goto(`chrome-extension://${browser.extensionId}/options.html#unassigned`);
    const group = dashboard.getByTestId('unassigned-facebook-boulangerie-dupont');
    await group.waitFor();
    await group.getByTestId('group-client').selectOption({ label: 'Boulangerie Dupont' });
    await group.getByTestId('group-assign-remember').click();
    await expect.poll(() => dashboard.getByRole('status').textContent()).toContain('from now on, Facebook · boulangerie-dupont counts for Boulangerie Dupont');
    const rules = await ext.inWorker(
      () =>
        new Promise<Array<{ platform: string; account: string; clientId: string }>>((resolve) => {
          const request = indexedDB.open('social-hours');
          request.onsuccess = () => {
            const all = request.result.transaction('rules').objectStore('rules').getAll();
            all.onsuccess = () => resolve(all.result as Array<{ platform: string; account: string; clientId: string }>);
          };
        }),
      null,
    );
    expect(rules.map((r) => [r.platform, r.account])).toEqual([['facebook', 'boulangerie-dupont']]);
    expect((await ext.storedSessions()).every((s) => s.clientId === rules[0]!.clientId)).toBe(true);

    await page.bringToFront();
    await ext.advanceClock(600);
    await ext.work(page, 60);
    const sessions = await ext.sessions();
    expect(sessions.length).toBeGreaterThan(1);
    expect(sessions.every((s) => s.clientId === rules[0]!.clientId)).toBe(true);
  });

  it('undoes "Assign all": the account\'s time is unassigned again, and the Undo had the focus', async () => {
    const dashboard = await browser.extensionPage('options.html#clients');
    await createClient(dashboard, 'Fleuriste Martin');
    const page = browser.context.pages()[0]!;
    await page.goto('https://www.instagram.com/fleuriste.martin/');
    await page.bringToFront();
    await ext.work(page, 60);
    await ext.sessions();

    await dashboard.goto(`chrome-extension://${browser.extensionId}/options.html#unassigned`);
    const group = dashboard.getByTestId('unassigned-instagram-fleuriste.martin');
    await group.getByTestId('group-client').selectOption({ label: 'Fleuriste Martin' });
    await group.getByTestId('group-assign').click();
    await group.waitFor({ state: 'detached' });
    await expect.poll(() => dashboard.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('unassigned-undo');
    await dashboard.keyboard.press('Enter');
    await dashboard.getByTestId('unassigned-instagram-fleuriste.martin').waitFor();
    expect((await ext.storedSessions()).filter((s) => s.platform === 'instagram').every((s) => s.clientId === null)).toBe(true);
  });
});
