import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';
import { startFakeSites, type FakeSites } from './support/fake-sites';
import { axeViolations } from './support/axe';

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

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** A day of last month at a local time: a month that has ended, whatever today is. */
function lastMonth(day: number, hours: number, minutes = 0, seconds = 0): number {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth() - 1, day, hours, minutes, seconds).getTime();
}

/** Last month of one client, as a backup: two Facebook accounts, Instagram, a meeting with a note; no rounding. */
function backupFile(): string {
  const client = {
    id: 'dupont', name: 'Boulangerie Dupont', color: '#c2410c', archived: false, createdAt: 1, hourlyRate: 40, currency: 'EUR', roundingMinutes: 0,
    details: 'Mme Dupont\n3 place du Marché\n69002 Lyon',
  };
  const session = (id: string, start: number, end: number, platform: string, account: string | null, activity: string, extra = {}) =>
    ({ id, start, end, clientId: 'dupont', platform, account, activity, source: 'auto', createdAt: start, updatedAt: end, ...extra });
  const sessions = [
    // 1 h 31 min 50 s: once "1 h 31" beside "1.53 h".
    session('s1', lastMonth(3, 9), lastMonth(3, 10, 31, 50), 'facebook', 'boulangerie-dupont', 'browsing'),
    session('s2', lastMonth(4, 9), lastMonth(4, 9, 20), 'facebook', 'dupont-shop', 'publishing'),
    session('s3', lastMonth(4, 14), lastMonth(4, 14, 30), 'instagram', 'dupont.bakery', 'messages'),
    session('s4', lastMonth(10, 10), lastMonth(10, 11, 30), 'manual', null, 'meeting', { source: 'manual', note: 'December editorial calendar with Mme Dupont' }),
  ];
  const file = join(mkdtempSync(join(tmpdir(), 'social-hours-report-')), 'backup.json');
  writeFileSync(file, JSON.stringify({ format: 'social-hours-backup', version: 2, exportedAt: Date.now(), sessions, clients: [client], rules: [], edits: [], tombstones: [], invoices: [] }));
  return file;
}

const CASES = [
  {
    lang: 'en-US', format: 'hm', total: '3 h 51 min 50 s', row: '1 h 31 min 50 s',
    texts: ['Time report: Boulangerie Dupont', 'Prepared by', 'Time spent and billed (not rounded)', 'By platform and account', 'Calls, meetings and other work away from the platforms'],
  },
  {
    lang: 'fr', format: 'decimal', total: '3,85 h', row: '1,52 h',
    texts: ['Rapport de temps', 'Établi par', 'Les heures sont en centièmes', 'Temps passé et facturé (sans arrondi)', 'Par plateforme et compte', 'Appels, réunions et autres travaux hors des plateformes'],
  },
] as const;

describe('the client report page', () => {
  it.each(CASES)('opens from the month view with details, accounts and notes, passes axe and prints on A4 ($lang)', async ({ lang, format, total, row, texts }) => {
    const browser = await launchWithExtension(sites, { lang });
    open.push(browser);
    const dashboard = await browser.extensionPage('options.html#export');
    await dashboard.getByTestId('restore-file').setInputFiles(backupFile());
    await expect.poll(() => dashboard.getByTestId('export-message').getAttribute('role')).toBe('status');

    const base = dashboard.url().replace(/#.*$/, '');
    await dashboard.goto(`${base}#settings`);
    await dashboard.getByTestId('set-report-time').selectOption(format);
    await dashboard.getByTestId('set-report-sender').fill('Léa Martin, community manager\n12 rue des Lilas, 75011 Paris\nSIRET 123 456 789 00012');
    await dashboard.getByTestId('settings-save').click();
    await dashboard.locator('p.notice[role="status"]').waitFor();

    // The client's row links to this month's report.
    await dashboard.goto(`${base}#clients`);
    const thisMonth = new Date();
    thisMonth.setDate(1);
    expect(await dashboard.getByTestId('client-report-Boulangerie Dupont').getAttribute('href')).toBe(`report.html?client=dupont&from=${iso(thisMonth)}&to=${iso(new Date(thisMonth.getFullYear(), thisMonth.getMonth() + 1, 0))}&amount=0`);

    // The month view links to the shown month's.
    await dashboard.goto(`${base}#reports`);
    await dashboard.getByTestId('period-month').click();
    await dashboard.getByTestId('period-previous').click();
    // The amount with the time it is computed from, to the second: 13,910 s at 40 an hour is 154.56.
    await expect.poll(() => dashboard.getByTestId('period-amount-dupont').textContent()).toMatch(/154[.,]56.* 3 h 51 min 50 s /);
    const opened = browser.context.waitForEvent('page');
    await dashboard.getByTestId('period-report-dupont').click();
    const report = await opened;
    await report.getByTestId('client-report').waitFor();
    const firstDay = new Date(lastMonth(1, 12));
    expect(new URL(report.url()).search).toBe(`?client=dupont&from=${iso(firstDay)}&to=${iso(new Date(firstDay.getFullYear(), firstDay.getMonth() + 1, 0))}&amount=0`);

    // Durations hold no-break spaces; a reader sees spaces.
    const text = ((await report.getByTestId('client-report').textContent()) ?? '').replace(/\u00a0/g, ' ');
    for (const expected of texts) expect(text).toContain(expected);
    expect((await report.getByTestId('report-total').textContent())?.replace(/\u00a0/g, ' ')).toBe(total);
    expect(text).toContain(row);
    expect(await report.getByTestId('report-sender').innerText()).toBe('Léa Martin, community manager\n12 rue des Lilas, 75011 Paris\nSIRET 123 456 789 00012');
    expect(await report.getByTestId('report-client-details').innerText()).toBe('Mme Dupont\n3 place du Marché\n69002 Lyon');
    for (const account of ['boulangerie-dupont', 'dupont-shop', 'dupont.bakery']) expect(text).toContain(account);
    expect(await report.getByTestId('report-manual').textContent()).toContain('December editorial calendar with Mme Dupont');

    // Three days with time; the others only when asked for.
    const dayRows = report.getByTestId('report-days').locator('tbody tr');
    expect(await dayRows.count()).toBe(3);
    await report.getByTestId('report-empty-days').check();
    await expect.poll(() => dayRows.count()).toBe(new Date(firstDay.getFullYear(), firstDay.getMonth() + 1, 0).getDate());
    await report.getByTestId('report-empty-days').uncheck();
    await expect.poll(() => dayRows.count()).toBe(3);

    expect(await axeViolations(report)).toEqual([]);

    // On paper: the report alone, on A4.
    await report.emulateMedia({ media: 'print' });
    expect(await report.locator('header.toolbar').isVisible()).toBe(false);
    await report.emulateMedia({ media: 'screen' });
    const pdf = await report.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    writeFileSync(join(tmpdir(), `social-hours-report-${lang}.pdf`), pdf);
  });
});
