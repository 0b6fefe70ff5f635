// What the content script costs a page for real input, without the noise of comparing two
// browser launches: one headed Chromium with the production build under Xvfb, one tab, the
// same real X input (mouse moves and wheel notches from xdotool) alternately on a page the
// content script runs in (a catalogue host) and on the same page from a host outside the
// catalogue. Prints the page renderer's CPU seconds per round, with and without.
//
//   npx tsx scripts/bench/input-cost.ts [all|move|wheel] [extension dir]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_SWITCHES, chromiumPath } from '../../tests/browser/support/chromium';
import { startFakeSites } from '../../tests/browser/support/fake-sites';
import { sleep, startDesktop } from '../../tests/desktop/support/display';
import { PRODUCTION_DIR } from './cpu';
import { findBrowserPid, sampleTree } from './proc-cpu';

const ROUNDS = 6;
const BURSTS = 20;
const kind = process.argv[2] ?? 'all';
if (!['all', 'move', 'wheel'].includes(kind)) throw new Error(`unknown input kind "${kind}": all, move or wheel`);
const extensionDir = process.argv[3] ? resolve(process.argv[3]) : PRODUCTION_DIR;
if (!process.argv[3]) execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });

/** CPU seconds so far of each page renderer. */
const renderers = (browserPid: number) => new Map(sampleTree(browserPid).filter((p) => p.kind === 'renderer').map((p) => [p.pid, p.cpu]));
/** CPU used between two samples (a renderer that ended in between is left out: navigations happen before the first). */
const usedBetween = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].reduce((sum, [pid, cpu]) => sum + cpu - (before.get(pid) ?? 0), 0);

const sites = await startFakeSites();
const desktop = await startDesktop();
const profileDir = mkdtempSync(join(tmpdir(), 'social-hours-input-cost-'));
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: chromiumPath(),
  headless: false,
  ignoreHTTPSErrors: true,
  viewport: null,
  ignoreDefaultArgs: ['--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows', '--disable-renderer-backgrounding'],
  env: { ...process.env, DISPLAY: desktop.display },
  args: [
    ...CHROMIUM_SWITCHES,
    '--window-position=0,0',
    '--window-size=1300,900',
    `--host-resolver-rules=${sites.resolverRules}`,
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ],
});
try {
  context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const browserPid = findBrowserPid(profileDir);
  if (browserPid === null) throw new Error('the browser process was not found');
  await sleep(3000);
  for (const page of context.pages()) if (page.url().startsWith('chrome-extension://')) await page.close();
  const page = context.pages()[0] ?? (await context.newPage());
  const used: Record<'with' | 'without', number[]> = { with: [], without: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [label, url] of [['with', 'https://www.facebook.com/input-cost'], ['without', 'https://not-a-social-site.example/input-cost']] as const) {
      await page.goto(url, { waitUntil: 'load' });
      await page.bringToFront();
      await sleep(1500);
      const window = await desktop.xdotool('getactivewindow');
      await desktop.xdotool('mousemove', '--window', window, '300', '160', 'click', '1');
      await sleep(1000);
      const before = renderers(browserPid);
      for (let burst = 0; burst < BURSTS; burst++) {
        const input: string[] = [];
        if (kind !== 'wheel') for (let i = 0; i < 10; i++) input.push('mousemove', '--window', window, String(200 + i * 15 + burst), String(380 + (i % 3) * 9), 'sleep', '0.02');
        if (kind !== 'move') for (let i = 0; i < 4; i++) input.push('click', burst % 2 ? '5' : '4', 'sleep', '0.05');
        await desktop.xdotool(...input);
      }
      await sleep(500);
      used[label].push(usedBetween(before, renderers(browserPid)));
    }
  }
  const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
  const list = (values: number[]) => values.map((n) => n.toFixed(2)).join(' ');
  console.log(`${kind}: ${ROUNDS} rounds of ${BURSTS} bursts, page renderer CPU s`);
  console.log(`with the content script:    ${list(used.with)} (mean ${mean(used.with).toFixed(3)})`);
  console.log(`without (host not tracked): ${list(used.without)} (mean ${mean(used.without).toFixed(3)})`);
  console.log(`difference of the means: ${(mean(used.with) - mean(used.without)).toFixed(3)} s per round`);
} finally {
  await context.close();
  await desktop.close();
  await sites.close();
  rmSync(profileDir, { recursive: true, force: true });
}
