import type { BrowserContext, Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
import type { TestHooks } from '../../../entrypoints/background/test-hooks';
import type { SessionRecord } from '../../../lib/db/records';
import type { IdleState } from '../../../lib/tracking/events';
import type { ExtensionBrowser } from './chromium';

type Hooks = Omit<TestHooks, 'now'>;

/** Runs a test hook inside the service worker (present in e2e builds only). */
async function hook<K extends keyof Hooks>(worker: Worker, name: K, ...args: Parameters<Hooks[K]>): Promise<Awaited<ReturnType<Hooks[K]>>> {
  return worker.evaluate(
    ([n, a]) => {
      const hooks = (globalThis as unknown as { socialHoursTest?: Record<string, (...x: unknown[]) => unknown> }).socialHoursTest;
      if (!hooks) throw new Error('test hooks missing: is this the e2e build?');
      return hooks[n as string]!(...(a as unknown[]));
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<Hooks[K]>>>;
}

/** The driver of each browser, so that `actOn(page)` finds the extension of the page's browser. */
const drivers = new WeakMap<BrowserContext, ExtensionDriver>();

/** Drives the extension in a browser test: its clock, its idle state, and what it stored. */
export class ExtensionDriver {
  private stopped = false;

  constructor(private browser: ExtensionBrowser) {
    drivers.set(browser.context, this);
  }

  private async worker(): Promise<Worker> {
    // The first call after a restart wakes the worker: wait until its hooks are installed
    // (a condition, with a generous deadline: a loaded machine starts workers slowly).
    const worker = await this.browser.worker();
    const ready = await worker.evaluate(async () => {
      const deadline = Date.now() + 30_000;
      while (!(globalThis as { socialHoursTest?: unknown }).socialHoursTest && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      return Boolean((globalThis as { socialHoursTest?: unknown }).socialHoursTest);
    });
    if (!ready) throw new Error('the service worker never installed its test hooks');
    this.stopped = false;
    return worker;
  }

  /** A person at work: acts in the page every `step` seconds of tracker time, for `total` seconds. */
  async work(page: Page, total: number, { step = 20, tracked = true }: { step?: number; tracked?: boolean } = {}): Promise<void> {
    await actOn(page, { tracked });
    for (let t = step; t <= total; t += step) {
      await this.advanceClock(step);
      await actOn(page, { tracked });
    }
  }

  /** Moves the tracker's clock; the background first handles, at the old time, every event it has received. */
  async advanceClock(seconds: number): Promise<void> {
    await hook(await this.worker(), 'advanceClock', seconds * 1000);
  }

  /** Whether the extension's service worker runs now (false between `terminateWorker` and the next hook call that reached a worker). */
  workerRunning(): boolean {
    return !this.stopped;
  }

  /** The tracker's clock (it moves only when the test moves it). */
  async clock(): Promise<number> {
    return hook(await this.worker(), 'clock');
  }

  /** Waits until the background has handled every event it has received so far. */
  async drained(): Promise<void> {
    await hook(await this.worker(), 'drained');
  }

  /**
   * Waits until the page's content script runs, has sent every report it holds (its
   * trailing report included), and the background has handled them all.
   */
  async settlePage(page: Page): Promise<void> {
    await hook(await this.worker(), 'settlePage', page.url());
  }

  /** Differs after every start of the service worker (an update starts a new one). */
  async instance(): Promise<string> {
    return hook(await this.worker(), 'instance');
  }

  async setIdle(state: IdleState): Promise<void> {
    await hook(await this.worker(), 'setIdle', state);
  }

  async tick(): Promise<void> {
    await hook(await this.worker(), 'tick');
  }

  async writes(): Promise<number> {
    return hook(await this.worker(), 'writes');
  }

  /** The sessions as the database holds them now, without bringing the open one up to date. */
  async storedSessions(): Promise<SessionRecord[]> {
    return hook(await this.worker(), 'sessions');
  }

  /** Seconds the tracker has counted up to now: what is stored, with the open session as it stands. */
  async countedSeconds(): Promise<number> {
    const worker = await this.worker();
    await hook(worker, 'tick');
    const { status } = await hook(worker, 'status');
    const open = status.kind === 'tracking' ? status.session : null;
    const stored = (await hook(worker, 'sessions')).filter((s) => s.id !== open?.id);
    return [...stored, ...(open ? [open] : [])].reduce((sum, s) => sum + (s.end - s.start) / 1000, 0);
  }

  /** Settles the tracker at the current (test) time and returns every stored session, oldest first. */
  async sessions(): Promise<SessionRecord[]> {
    const worker = await this.worker();
    await hook(worker, 'tick');
    await hook(worker, 'flush');
    return hook(worker, 'sessions');
  }

  /**
   * Terminates the service worker the way Chrome does when it is idle: its JS context is
   * gone, and the next event starts a new one. (CDP's ServiceWorker.stopAllWorkers does not
   * stop an extension's worker; closing its target does.)
   */
  async terminateWorker(page: Page): Promise<void> {
    const cdp = await this.browser.context.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(this.browser.extensionId));
    if (!worker) throw new Error('the extension has no service worker running');
    await cdp.send('Target.closeTarget', { targetId: worker.targetId });
    // Wait until the worker is really gone (not a fixed delay), else the next hook call could
    // still reach it. (Playwright keeps listing its Worker and emits no 'close': the same
    // object reaches the next worker once an event has started one.)
    await expectEventually(async () => {
      const { targetInfos: left } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string }> };
      return !left.some((t) => t.targetId === worker.targetId);
    }, 'the terminated service worker is still listed');
    await cdp.detach();
    this.stopped = true;
  }

  /** Runs code in the worker: browser APIs the test needs (windows, tabs). */
  /**
   * Makes every day a working day without public holidays, for a test of contracts per day:
   * run on a Saturday or on a holiday, today would otherwise be a day off, whose time is
   * never near or over (CI runs on any date).
   */
  async everyDayWorking(): Promise<void> {
    await this.inWorker(async () => {
      const area = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> } } } }).chrome.storage.local;
      const stored = ((await area.get('settings')).settings ?? {}) as Record<string, unknown>;
      await area.set({ settings: { ...stored, workingDays: [0, 1, 2, 3, 4, 5, 6], holidayCountry: 'none', holidayRegion: '', leave: [] } });
    }, null);
  }

  async inWorker<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> {
    return (await this.worker()).evaluate(fn as never, arg) as Promise<T>;
  }
}

function driverOf(page: Page): ExtensionDriver {
  const driver = drivers.get(page.context());
  if (!driver) throw new Error('no ExtensionDriver for this page\'s browser');
  return driver;
}

/**
 * A trusted click in the page once its content script runs, then a wait until the
 * background has handled what the page reported about it (never a fixed delay: under
 * load, a report can take seconds). On a page the extension does not watch
 * (`tracked: false`), there is no report to wait for: wait until the background has
 * handled whatever it received.
 */
export async function actOn(page: Page, { tracked = true }: { tracked?: boolean } = {}): Promise<void> {
  const driver = driverOf(page);
  // First, the content script must be running (it starts at document_idle, after `goto`
  // returns): a click before that would be lost. (While the worker is terminated, the page
  // was settled before, and this very input is what must wake the worker.)
  if (tracked && driver.workerRunning()) await driver.settlePage(page);
  await page.mouse.click(5, 200);
  if (tracked) await driver.settlePage(page);
  else await driver.drained();
}

/** Polls a condition until it holds, or fails after `timeoutMs`. */
export async function expectEventually(condition: () => Promise<boolean> | boolean, message: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function seconds(session: SessionRecord): number {
  return (session.end - session.start) / 1000;
}

export function summary(sessions: SessionRecord[]): Array<[string, string | null, number]> {
  return sessions.map((s) => [s.platform, s.account, Math.round(seconds(s))]);
}

/** Never two sessions at once: each starts at or after the end of the one before. */
export function expectNoOverlap(sessions: SessionRecord[]): void {
  const sorted = [...sessions].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
  for (const s of sorted) expect(s.end).toBeGreaterThan(s.start);
}
