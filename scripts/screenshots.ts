// `npm run screenshots`: the popup, the week view and a client's report, in English and
// French, light and dark, with three weeks of realistic data, into docs/screenshots/ (the
// README shows them). Runs the production build in headless Chromium.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { addDays, format, startOfWeek } from 'date-fns';
import { chromium } from 'playwright-core';
import { CHROMIUM_SWITCHES, chromiumPath } from '../tests/browser/support/chromium';
import { demoBackup } from '../tests/support/demo-data';

const EXTENSION = resolve('.output/chrome-mv3');
const OUT = resolve('docs/screenshots');

async function shoot(lang: 'en' | 'fr', theme: 'light' | 'dark'): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'social-hours-shots-'));
  const locale = lang === 'fr' ? 'fr-FR' : 'en-US';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    locale,
    colorScheme: theme,
    env: { ...process.env, LANGUAGE: locale },
    args: [...CHROMIUM_SWITCHES, `--lang=${locale}`, `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const base = `chrome-extension://${new URL(worker.url()).host}`;
    const now = Date.now();
    const file = join(profile, 'demo.json');
    writeFileSync(file, demoBackup(now));
    const page = await context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(`${base}/options.html#export`);
    await page.getByTestId('restore-file').setInputFiles(file);
    await page.getByTestId('export-message').filter({ hasText: /\d/ }).waitFor();

    const name = (what: string) => join(OUT, `${what}-${lang}-${theme}.png`);
    await page.goto(`${base}/options.html#reports`);
    await page.getByTestId('chart').waitFor();
    // Last week, whole: this week may have just begun.
    await page.getByTestId('period-previous').click();
    await page.getByTestId('chart').waitFor();
    await page.screenshot({ path: name('week'), fullPage: true });

    const monday = startOfWeek(addDays(now, -7), { weekStartsOn: 1 });
    const range = `from=${format(monday, 'yyyy-MM-dd')}&to=${format(addDays(monday, 6), 'yyyy-MM-dd')}`;
    await page.goto(`${base}/report.html?client=dupont&${range}&amount=1`);
    await page.getByTestId('client-report').waitFor();
    await page.screenshot({ path: name('report'), fullPage: true });

    // The popup at the size the browser gives it.
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`${base}/popup.html`);
    await page.locator('body').filter({ hasText: /Boulangerie Dupont/ }).waitFor();
    await page.screenshot({ path: name('popup') });
    console.log(`${lang} ${theme}: done`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

for (const lang of ['en', 'fr'] as const) for (const theme of ['light', 'dark'] as const) await shoot(lang, theme);
