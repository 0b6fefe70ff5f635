import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBackup } from '../support/demo-data';
import { axeViolations } from './support/axe';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';
import { startFakeSites, type FakeSites } from './support/fake-sites';


const SECTIONS = ['reports', 'timesheet', 'clients', 'rules', 'unassigned', 'manual', 'export', 'sites', 'sync', 'settings'];

let sites: FakeSites;
beforeAll(async () => {
  sites = await startFakeSites();
});
afterAll(async () => {
  await sites.close();
});

describe.each(['en-US', 'fr-FR'])('accessibility in %s, with three weeks of data', (lang) => {
  let browser: ExtensionBrowser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchWithExtension(sites, { lang });
    page = await browser.extensionPage('options.html#export');
    const file = join(mkdtempSync(join(tmpdir(), 'social-hours-demo-')), 'demo.json');
    writeFileSync(file, demoBackup(Date.now()));
    await page.getByTestId('restore-file').setInputFiles(file);
    await page.getByTestId('export-message').filter({ hasText: /\d/ }).waitFor();
  });
  afterAll(async () => {
    await browser.close();
  });

  it.each(SECTIONS)('the dashboard section %s has no violation of any impact', async (section) => {
    await page.goto(page.url().replace(/#.*$/, `#${section}`));
    await page.locator(`[data-testid=nav-${section}][aria-current=page]`).waitFor();
    await page.locator('main section').first().waitFor();
    await expect.poll(() => page.locator('[aria-busy=true]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('Escape closes the client form and the focus goes back to what opened it', async () => {
    await page.goto(page.url().replace(/#.*$/, '#clients'));
    await page.getByTestId('client-new').click();
    await page.getByTestId('client-form').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('client-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('client-new');

    const edit = page.getByTestId('client-Fleuriste Martin').locator('.actions button').first();
    await edit.click();
    await page.getByTestId('client-form').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('client-form').waitFor({ state: 'detached' });
    await expect.poll(() => edit.evaluate((button) => button === document.activeElement)).toBe(true);
  });

  it('the popup and a client report have no violation of any impact', async () => {
    const popup = await browser.extensionPage('popup.html');
    await popup.locator('body').filter({ hasText: 'Boulangerie Dupont' }).waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    const day = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const report = await browser.extensionPage(`report.html?client=dupont&from=${day}&to=${day}&amount=1`);
    await report.getByTestId('client-report').waitFor();
    expect(await axeViolations(report)).toEqual([]);
  });
});
