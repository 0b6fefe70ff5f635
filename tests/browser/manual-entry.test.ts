import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserPerTest } from './support/browser-per-test';
import { ExtensionDriver } from './support/extension';

const browsers = browserPerTest();

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Two clients; Dupont's last month is invoiced and holds an hour on its 10th, from 10:00. */
function backupFile(): string {
  const now = new Date();
  const first = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const last = new Date(now.getFullYear(), now.getMonth(), 0);
  const start = new Date(now.getFullYear(), now.getMonth() - 1, 10, 10).getTime();
  const client = (id: string, name: string) => ({ id, name, color: '#c2410c', archived: false, createdAt: 1, hourlyRate: 40, currency: 'EUR', roundingMinutes: 0 });
  const sessions = [{ id: 's1', start, end: start + 3_600_000, clientId: 'dupont', platform: 'facebook', account: 'boulangerie-dupont', activity: 'browsing', source: 'auto', createdAt: start, updatedAt: start }];
  const invoices = [{ id: 'i1', clientId: 'dupont', from: iso(first), to: iso(last), invoicedAt: now.getTime() - 86_400_000, unlockedAt: null }];
  const file = join(mkdtempSync(join(tmpdir(), 'social-hours-manual-')), 'backup.json');
  writeFileSync(file, JSON.stringify({ format: 'social-hours-backup', version: 2, exportedAt: now.getTime(), sessions, clients: [client('dupont', 'Boulangerie Dupont'), client('martin', 'Fleuriste Martin')], rules: [], edits: [], tombstones: [], invoices }));
  return file;
}

async function fill(page: Page, client: string, date: string, start: string, duration: string): Promise<void> {
  await page.locator('#manual-client').selectOption({ label: client });
  await page.locator('#manual-date').fill(date);
  await page.locator('#manual-start').fill(start);
  await page.locator('#manual-duration').fill(duration);
}

describe('manual time in the dashboard', () => {
  it('reads the duration back before saving, logs personal time, and says why an invoiced period refuses an entry', async () => {
    const browser = await browsers.launch();
    const ext = new ExtensionDriver(browser);
    const page = await browser.extensionPage('options.html#export');
    await page.getByTestId('restore-file').setInputFiles(backupFile());
    await expect.poll(() => page.getByTestId('export-message').getAttribute('role')).toBe('status');
    await page.goto(page.url().replace(/#.*$/, '#manual'));

    const yesterday = new Date(Date.now() - 86_400_000);
    // A bare number is minutes, and the form says so before anything is saved.
    await fill(page, 'Personal (not billable)', iso(yesterday), '09:00', '2');
    await expect.poll(() => page.getByTestId('manual-span').textContent()).toMatch(/^2 min, from 09:00( AM)? to 09:02( AM)?$/);
    await page.locator('#manual-duration').fill('1,5');
    await expect.poll(() => page.getByTestId('manual-span').textContent()).toMatch(/^1 h 30, from 09:00( AM)? to 10:30( AM)?$/);
    await page.locator('#manual-duration').fill('1:75');
    await expect.poll(() => page.getByTestId('manual-span').textContent()).toBe('');
    // 1,30: an hour and thirty minutes, or 1.3 hours? Refused with both ways to write it, nothing saved.
    await page.locator('#manual-duration').fill('1,30');
    await expect.poll(() => page.getByTestId('manual-span').textContent()).toBe('');
    await page.getByTestId('manual-save').click();
    await expect.poll(() => page.locator('#manual-duration-error').textContent()).toContain('(1:30)');
    expect((await ext.sessions()).filter((s) => s.source === 'manual')).toEqual([]);
    await page.locator('#manual-duration').fill('1,5');
    await page.getByTestId('manual-save').click();
    await expect.poll(() => page.getByTestId('manual-message').textContent()).toContain('Entry added');
    const personal = (await ext.sessions()).filter((s) => s.source === 'manual');
    expect(personal.map((s) => [s.clientId, (s.end - s.start) / 60_000])).toEqual([['personal', 90]]);
    // Listed as personal time, not as time still to assign.
    await expect.poll(() => page.getByTestId('manual-list').textContent()).toContain('Personal (not billable) · Call');

    // Over Dupont's invoiced hour, for another client: refused, with the reason and the way out.
    const tenth = new Date(new Date().getFullYear(), new Date().getMonth() - 1, 10);
    await fill(page, 'Fleuriste Martin', iso(tenth), '10:30', '1:00');
    await page.getByTestId('manual-save').click();
    await expect.poll(() => page.getByTestId('manual-message').textContent()).toBe('This time is in an invoiced period. Unlock the period from its report to change it.');
    expect(await page.getByTestId('manual-message').getAttribute('role')).toBe('alert');
    expect((await ext.sessions()).filter((s) => s.source === 'manual')).toHaveLength(1);
  });
});
