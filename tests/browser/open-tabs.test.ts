import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHECKPOINT_INTERVAL_MS } from '../../lib/db/session-writer';
import { launchWithExtension, type ExtensionBrowser } from './support/chromium';
import { ExtensionDriver, actOn, seconds } from './support/extension';
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
  return { browser, ext, page };
}

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
