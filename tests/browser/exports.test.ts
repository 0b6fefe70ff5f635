import { readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';
import { ExtensionDriver, actOn } from './support/extension';
import { startFakeSites, type FakeSites } from './support/fake-sites';

const HOUR_MS = 3_600_000;

/** The extension API inside the service worker, where `inWorker` callbacks run. */
declare const chrome: Browser;

let sites: FakeSites;
const open: ExtensionBrowser[] = [];

beforeAll(async () => {
  sites = await startFakeSites();
});
afterAll(async () => {
  await sites.close();
});
afterEach(async () => {
  while (open.length > 0) await open.pop()!.close();
});

async function start(): Promise<{ browser: ExtensionBrowser; ext: ExtensionDriver }> {
  const browser = await launchWithExtension(sites);
  open.push(browser);
  return { browser, ext: new ExtensionDriver(browser) };
}

async function createClient(dashboard: Page, name: string): Promise<void> {
  await dashboard.goto(dashboard.url().replace(/#.*$/, '') + '#clients');
  await dashboard.getByTestId('client-new').click();
  await dashboard.fill('#client-name', name);
  await dashboard.selectOption('#client-period', 'week');
  await dashboard.fill('#client-hours', '5');
  await dashboard.fill('#client-rate', '50');
  await dashboard.getByTestId('client-save').click();
  await dashboard.getByTestId(`client-${name}`).waitFor();
}

/** Tracks `seconds` on a page, then gives the page's account to a client from the dashboard's rules. */
async function trackFor(ext: ExtensionDriver, page: Page, url: string, seconds: number): Promise<void> {
  await page.goto(url);
  await page.bringToFront();
  await actOn(page);
  for (let t = 20; t <= seconds; t += 20) {
    await ext.advanceClock(20);
    await actOn(page);
  }
}

async function assignAccount(dashboard: Page, client: string, account: string): Promise<void> {
  await dashboard.goto(dashboard.url().replace(/#.*$/, '') + '#rules');
  await dashboard.locator('#rule-client').selectOption({ label: client });
  await dashboard.fill('#rule-account', account);
  await dashboard.getByTestId('rule-save').click();
  const offer = dashboard.getByTestId('rule-reattribute-yes');
  await offer.click();
  await dashboard.getByText('earlier session(s) moved').waitFor();
}

/** Two clients with time today: Boulangerie Dupont on Facebook, Fleuriste Martin on Instagram. */
async function twoClientsWithTime(browser: ExtensionBrowser, ext: ExtensionDriver): Promise<Page> {
  const page = browser.context.pages()[0]!;
  await trackFor(ext, page, 'https://www.facebook.com/boulangerie-dupont', 120);
  await trackFor(ext, page, 'https://www.instagram.com/fleuriste.martin/', 60);
  await ext.sessions();
  const dashboard = await browser.extensionPage('options.html#clients');
  await createClient(dashboard, 'Boulangerie Dupont');
  await createClient(dashboard, 'Fleuriste Martin');
  await assignAccount(dashboard, 'Boulangerie Dupont', 'https://www.facebook.com/boulangerie-dupont');
  await assignAccount(dashboard, 'Fleuriste Martin', 'https://www.instagram.com/fleuriste.martin/');
  return dashboard;
}

/** The files saved in the downloads folder so far, newest last, once there are `count` of them. */
async function downloaded(ext: ExtensionDriver, count: number): Promise<Array<{ name: string; content: string }>> {
  const files = await ext.inWorker(async (n) => {
    // Until the files are complete, with a deadline generous enough for a busy machine.
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
      const items = await chrome.downloads.search({ state: 'complete', orderBy: ['startTime'] });
      if (items.length >= n) return items.map((d) => d.filename);
      await new Promise((r) => setTimeout(r, 100));
    }
    return (await chrome.downloads.search({})).map((d) => `${d.filename} ${d.state} ${d.error ?? ''}`);
  }, count);
  expect(files).toHaveLength(count);
  return files.map((name) => ({ name, content: readFileSync(name, 'utf8') }));
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('exports in Chromium', () => {
  it('downloads the sessions CSV with the right rows', async () => {
    const { browser, ext } = await start();
    const dashboard = await twoClientsWithTime(browser, ext);
    await dashboard.goto(dashboard.url().replace(/#.*$/, '') + '#export');
    const day = today();
    await dashboard.fill('#export-from', day);
    await dashboard.fill('#export-to', day);
    await dashboard.getByTestId('export-csv').click();
    const [file] = await downloaded(ext, 1);
    const csv = file!.content;
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('date,start,end,minutes,client,platform,account,activity,source,note,seconds,member');
    const rows = lines.slice(1, -1).map((l) => l.split(','));
    expect(rows.map((r) => [r[0], r[4], r[5], r[6], r[8]])).toEqual([
      [day, 'Boulangerie Dupont', 'facebook', 'boulangerie-dupont', 'auto'],
      [day, 'Fleuriste Martin', 'instagram', 'fleuriste.martin', 'auto'],
    ]);
    expect(Number(rows[0]![3])).toBeGreaterThanOrEqual(2);
    expect(rows[0]![1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(lines.at(-1)).toBe('');
  });

  it("shows a client's report with that client alone", async () => {
    const { browser, ext } = await start();
    const dashboard = await twoClientsWithTime(browser, ext);
    await dashboard.goto(dashboard.url().replace(/#.*$/, '') + '#export');
    const day = today();
    await dashboard.fill('#export-from', day);
    await dashboard.fill('#export-to', day);
    await dashboard.getByTestId('export-client').selectOption({ label: 'Boulangerie Dupont' });
    const opened = browser.context.waitForEvent('page');
    await dashboard.getByTestId('export-report').click();
    const report = await opened;
    await report.getByTestId('client-report').waitFor();
    const text = (await report.locator('body').textContent()) ?? '';
    expect(text).toContain('Time report: Boulangerie Dupont');
    expect(text).toContain('Facebook');
    expect(text).not.toContain('Martin');
    expect(text).not.toContain('Instagram');
    expect(text).not.toContain('fleuriste');
    const pdf = await report.pdf();
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('restores a backup into a fresh profile with the same totals, and refuses a damaged one', async () => {
    const first = await start();
    const dashboard = await twoClientsWithTime(first.browser, first.ext);
    await dashboard.goto(dashboard.url().replace(/#.*$/, '') + '#export');
    await dashboard.getByTestId('backup-download').click();
    const backupPath = (await downloaded(first.ext, 1))[0]!.name;
    await dashboard.goto(dashboard.url().replace(/#.*$/, '') + '#reports');
    const totalBefore = await dashboard.getByTestId('period-total').textContent();
    const sessionsBefore = (await first.ext.sessions()).map((s) => [s.id, s.start, s.end, s.clientId]);

    const second = await start();
    const fresh = await second.browser.extensionPage('options.html#export');
    const dir = mkdtempSync(join(tmpdir(), 'social-hours-bad-'));
    const damaged = join(dir, 'damaged.json');
    writeFileSync(damaged, readFileSync(backupPath, 'utf8').slice(0, 200));
    await fresh.getByTestId('restore-file').setInputFiles(damaged);
    await expect.poll(() => fresh.getByTestId('export-message').textContent()).toContain('Nothing was changed.');
    expect(await second.ext.sessions()).toEqual([]);

    await fresh.getByTestId('restore-file').setInputFiles(backupPath);
    await expect.poll(() => fresh.getByTestId('export-message').textContent()).toMatch(/^Restored: \d+ added, 0 updated, 0 removed \(deleted elsewhere\), 0 already here\./);
    await fresh.goto(fresh.url().replace(/#.*$/, '') + '#reports');
    await expect.poll(() => fresh.getByTestId('period-total').textContent()).toBe(totalBefore);
    expect((await second.ext.sessions()).map((s) => [s.id, s.start, s.end, s.clientId])).toEqual(sessionsBefore);

    // The same file again changes nothing.
    await fresh.goto(fresh.url().replace(/#.*$/, '') + '#export');
    await fresh.getByTestId('restore-file').setInputFiles(backupPath);
    await expect.poll(() => fresh.getByTestId('export-message').textContent()).toMatch(/^Restored: 0 added, 0 updated, 0 removed \(deleted elsewhere\), \d+ already here\./);
  });

  it("saves last week's export by itself at the start of the week", async () => {
    const { browser, ext } = await start();
    await twoClientsWithTime(browser, ext);
    const dashboard = await browser.extensionPage('options.html#export');
    await dashboard.getByTestId('weekly-mode').selectOption('download');
    // A week later, this week is the last complete one.
    await ext.advanceClock(7 * 24 * 3600);
    await ext.inWorker(() => (globalThis as unknown as { socialHoursTest: { weeklyExport(): Promise<void> } }).socialHoursTest.weeklyExport(), null);
    const files = (await downloaded(ext, 3)).map((f) => f.content);
    const csv = files.find((content) => content.startsWith('date,start,end'))!;
    expect(csv.split('\r\n').filter((l) => l.includes('Boulangerie Dupont'))).toHaveLength(1);
    const reports = files.filter((content) => content.startsWith('<!doctype html>'));
    expect(reports).toHaveLength(2);
    const dupont = reports.find((r) => r.includes('Time report: Boulangerie Dupont'))!;
    expect(dupont).not.toContain('Martin');

    // Once: a second check the same week saves nothing more.
    await ext.inWorker(() => (globalThis as unknown as { socialHoursTest: { weeklyExport(): Promise<void> } }).socialHoursTest.weeklyExport(), null);
    expect(await ext.inWorker(async () => (await chrome.downloads.search({})).length, null)).toBe(3);
  });
});

describe('invoiced periods', () => {
  it('marks a past period invoiced from its report, which locks its time until an explicit unlock', async () => {
    const { browser } = await start();
    const dashboard = await browser.extensionPage('options.html#export');
    // Three days ago, from a backup: time of a period that has ended.
    const day = new Date();
    day.setDate(day.getDate() - 3);
    day.setHours(9, 0, 0, 0);
    const from = day.getTime();
    const client = { id: 'dupont', name: 'Boulangerie Dupont', color: '#c2410c', archived: false, createdAt: 1 };
    const session = { id: 's1', start: from, end: from + 45 * 60_000, clientId: 'dupont', platform: 'facebook', account: 'boulangerie-dupont', activity: 'browsing', source: 'auto', createdAt: from, updatedAt: from + 45 * 60_000 };
    const backup = JSON.stringify({ format: 'social-hours-backup', version: 2, exportedAt: from + HOUR_MS, sessions: [session], clients: [client], rules: [], edits: [], tombstones: [], invoices: [] });
    const file = join(mkdtempSync(join(tmpdir(), 'social-hours-invoice-')), 'backup.json');
    writeFileSync(file, backup);
    await dashboard.getByTestId('restore-file').setInputFiles(file);
    await expect.poll(() => dashboard.getByTestId('export-message').textContent()).toMatch(/^Restored: 2 added/);

    const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    const report = await browser.extensionPage(`report.html?client=dupont&from=${date}&to=${date}&amount=0`);
    await report.getByRole('button', { name: 'Mark as invoiced' }).click();
    await expect.poll(() => report.getByTestId('invoice-state').textContent()).toMatch(/^Invoiced on /);
    expect(await report.getByTestId('report-invoiced').textContent()).toMatch(/^Invoiced on /);

    const remove = () => report.evaluate(() => chrome.runtime.sendMessage({ type: 'delete-sessions', ids: ['s1'] }));
    expect(await remove()).toEqual({ ok: false, error: 'locked' });

    // Escape cancels the question, and the focus is back on the button that asked it.
    await report.getByRole('button', { name: 'Unlock' }).click();
    await report.getByTestId('confirm').waitFor();
    await report.keyboard.press('Escape');
    await expect.poll(() => report.evaluate(() => document.activeElement?.textContent)).toBe('Unlock');
    expect(await report.getByTestId('confirm').count()).toBe(0);
    expect(await remove()).toEqual({ ok: false, error: 'locked' });

    await report.getByRole('button', { name: 'Unlock' }).click();
    await report.getByTestId('confirm').click();
    await report.getByRole('button', { name: 'Mark as invoiced' }).waitFor();
    expect(await remove()).toEqual({ ok: true, count: 1, editId: expect.any(String) });
  });
});
