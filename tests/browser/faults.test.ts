import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHECKPOINT_INTERVAL_MS } from '../../lib/db/session-writer';
import { launchWithExtension, launchWithoutExtension, type ExtensionBrowser } from './support/chromium';
import { ExtensionDriver, actOn, expectEventually, expectNoOverlap, seconds, summary } from './support/extension';
import { startFakeSites, type FakeSites } from './support/fake-sites';

let sites: FakeSites;
const running: ExtensionBrowser[] = [];

beforeAll(async () => {
  sites = await startFakeSites();
});
afterAll(async () => {
  await sites.close();
});
afterEach(async () => {
  while (running.length > 0) await running.pop()!.close().catch(() => undefined);
});

async function start(profileDir?: string) {
  const browser = await launchWithExtension(sites, { profileDir });
  running.push(browser);
  const ext = new ExtensionDriver(browser);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto('https://www.facebook.com/boulangerie-dupont');
  await page.bringToFront();
  // The content script runs at document_idle, after goto returns: an input before it runs is lost.
  await ext.settlePage(page);
  return { browser, ext, page };
}

function isRunning(pattern: string): boolean {
  try {
    execFileSync('pgrep', ['-f', pattern], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function work(ext: ExtensionDriver, page: Page, total: number, step = 15): Promise<void> {
  for (let t = step; t <= total; t += step) {
    await ext.advanceClock(step);
    await actOn(page);
  }
}

describe('faults in Chromium', () => {
  it('keeps exact totals when the service worker is terminated again and again mid-session', async () => {
    const { ext, page } = await start();
    await actOn(page);
    for (let round = 0; round < 4; round++) {
      await work(ext, page, 30);
      await ext.terminateWorker(page);
      // This input's report wakes a new worker; actOn waits until that worker has handled it.
      await actOn(page);
    }
    const sessions = await ext.sessions();
    expect(sessions).toHaveLength(1);
    expect(seconds(sessions[0]!)).toBeGreaterThanOrEqual(120);
    expect(seconds(sessions[0]!)).toBeLessThan(128);
  });

  it('loses at most one checkpoint interval when the browser is killed, and nothing is negative or doubled', async () => {
    const first = await start();
    const began = await first.ext.clock();
    await actOn(first.page);
    await work(first.ext, first.page, 90);
    // The tracker's clock moves only when the test moves it: 90 s.
    const worked = ((await first.ext.clock()) - began) / 1000;
    // The coalescing writer writes the open session at most every 30 s, while it handles an
    // event: actOn returned once the last report was handled, so its write (if due) has landed.
    await first.ext.drained();
    execFileSync('pkill', ['-KILL', '-f', `user-data-dir=${first.browser.profileDir}`]);
    running.pop();
    await expectEventually(() => !isRunning(`user-data-dir=${first.browser.profileDir}`), 'the killed browser is still running');

    const second = await start(first.browser.profileDir);
    const sessions = await second.ext.sessions();
    expect(sessions.length).toBeGreaterThanOrEqual(1);
    expectNoOverlap(sessions);
    const survivor = sessions[0]!;
    // 90 s of work, of which the last checkpoint interval at most may be lost.
    expect(seconds(survivor)).toBeGreaterThanOrEqual(worked - CHECKPOINT_INTERVAL_MS / 1000);
    expect(seconds(survivor)).toBeLessThanOrEqual(worked);
    expect(new Set(sessions.map((s) => s.id)).size).toBe(sessions.length);
    await second.browser.close();
    running.pop();
  });

  it('never counts a sleep, nor anything negative when the clock goes back', async () => {
    const { ext, page } = await start();
    await actOn(page);
    await work(ext, page, 30);
    // The laptop sleeps for two hours: the next event comes long after the last.
    await ext.advanceClock(2 * 3600);
    await actOn(page);
    await work(ext, page, 30);
    // Then the clock is set back an hour.
    await ext.advanceClock(-3600);
    await actOn(page);
    await work(ext, page, 30);
    const sessions = await ext.sessions();
    for (const s of sessions) {
      expect(s.end).toBeGreaterThan(s.start);
      expect(seconds(s)).toBeLessThan(40);
    }
    expect(sessions.reduce((sum, s) => sum + seconds(s), 0)).toBeLessThan(100);
  });
});

function total(sessions: Array<{ start: number; end: number }>): number {
  return sessions.reduce((sum, s) => sum + seconds(s as never), 0);
}

describe('tabs and the browser around a session', () => {
  it('stops counting at once when a tracked tab moves to a site outside the catalogue', async () => {
    const { ext, page } = await start();
    await actOn(page);
    await ext.advanceClock(20);
    await actOn(page);
    await page.goto('https://www.example.com/elsewhere');
    await ext.advanceClock(40);
    await ext.tick();
    const sessions = await ext.sessions();
    expect(sessions).toHaveLength(1);
    expect(seconds(sessions[0]!)).toBeGreaterThanOrEqual(20);
    expect(seconds(sessions[0]!)).toBeLessThan(25);
  });

  it('keeps what was counted when the browser is closed mid-session: at most one checkpoint interval is lost', async () => {
    const first = await start();
    await actOn(first.page);
    for (let step = 0; step < 5; step++) {
      await first.ext.advanceClock(10);
      await actOn(first.page);
    }
    const counted = total(await first.ext.storedSessions());
    const worked = await first.ext.countedSeconds();
    await first.browser.context.close();
    running.pop();

    const second = await start(first.browser.profileDir);
    const kept = total(await second.ext.storedSessions());
    console.log(`browser closed mid-session: ${worked.toFixed(1)} s worked, ${kept.toFixed(1)} s kept (stored before closing: ${counted.toFixed(1)} s)`);
    expect(kept).toBeLessThanOrEqual(worked + 1);
    expect(worked - kept).toBeLessThanOrEqual(CHECKPOINT_INTERVAL_MS / 1000);
  });
});

describe('tabs open before the extension runs', () => {
  const FACEBOOK = 'https://www.facebook.com/boulangerie-dupont';

  /** When the page's document was created: a reload makes a new one, so "without a reload" means this stays the same. */
  async function documentBorn(page: Page): Promise<number> {
    await page.waitForLoadState('load');
    return page.evaluate(() => performance.timeOrigin);
  }

  it('tracks a tab open at install, and again after an update, without reloading it', async () => {
    const before = await launchWithoutExtension(sites);
    const page = before.context.pages()[0] ?? (await before.context.newPage());
    await page.goto(FACEBOOK);
    const born = await documentBorn(page);
    const browser = await before.install();
    running.push(browser);
    const ext = new ExtensionDriver(browser);

    // actOn first waits until the content script answers in that tab: only the extension put it there.
    await actOn(page);
    await ext.advanceClock(30);
    await actOn(page);
    const installedBy = await ext.instance();

    await before.update();
    // The old worker and the old copy of the content script are gone; the new ones must run in the same tab.
    await expectEventually(async () => (await ext.instance().catch(() => installedBy)) !== installedBy, 'the update never started a new service worker');
    await actOn(page);
    await ext.advanceClock(30);
    await actOn(page);

    const sessions = await ext.sessions();
    expect(await documentBorn(page)).toBe(born);
    expectNoOverlap(sessions);
    expect(summary(sessions).reduce((sum, [platform, , s]) => (platform === 'facebook' ? sum + s : sum), 0)).toBe(60);
    expect(sessions.every((s) => s.platform === 'facebook')).toBe(true);
  });

  it('tracks the tabs a browser restores at start without reloading them', async () => {
    const first = await launchWithExtension(sites);
    running.push(first);
    const firstExt = new ExtensionDriver(first);
    const firstPage = first.context.pages()[0] ?? (await first.context.newPage());
    await firstPage.goto(FACEBOOK);
    await actOn(firstPage);
    await firstExt.advanceClock(20);
    await actOn(firstPage);
    // Chromium saves the open tabs a few seconds after they change: wait until the session file names the page.
    const sessionsDir = join(first.profileDir, 'Default', 'Sessions');
    await expectEventually(
      () => readdirSync(sessionsDir, { withFileTypes: true }).some((f) => f.isFile() && readFileSync(join(sessionsDir, f.name)).includes(FACEBOOK)),
      'Chromium never saved the open tab',
    );
    await first.context.close();
    running.pop();

    const second = await launchWithExtension(sites, { profileDir: first.profileDir, restoreLastSession: true });
    running.push(second);
    const ext = new ExtensionDriver(second);
    const restored = second.context.pages().find((p) => p.url() === FACEBOOK);
    expect(restored, 'the Facebook tab was not restored').toBeDefined();
    const born = await documentBorn(restored!);
    await restored!.bringToFront();
    await actOn(restored!);
    await ext.advanceClock(30);
    await actOn(restored!);

    const sessions = await ext.sessions();
    expect(await documentBorn(restored!)).toBe(born);
    expectNoOverlap(sessions);
    // What the first run had counted is another test's matter (at most one checkpoint interval is lost on closing).
    expect(summary(sessions).at(-1)).toEqual(['facebook', 'boulangerie-dupont', 30]);
    expect(sessions.every((s) => s.platform === 'facebook')).toBe(true);
  });
});
