import { browser } from 'wxt/browser';
import type { TrackingService } from '../../lib/background/tracking-service';
import type { SocialHoursDatabase } from '../../lib/db/database';
import type { SessionRecord } from '../../lib/db/records';
import { DRAIN_BARRIER, DRAIN_REQUEST } from '../../lib/activity/test-probe';
import type { Clock } from '../../lib/time/clock';
import type { IdleState } from '../../lib/tracking/events';
import type { CommandResponse, StatusResponse } from '../../lib/messaging/protocol';
import type { SyncOutcome } from '../../lib/sync/scheduler';
import type { WebDavSetup } from '../../lib/sync/webdav-setup';
import type { WeeklyExport } from './weekly-export';
import { webDavSync } from './webdav-sync';

const OFFSET_KEY = 'testClockOffsetMs';
const BASE_KEY = 'testClockBaseMs';

/**
 * The clock of test builds. For headless browser tests ('e2e' builds) the tests move it,
 * and nothing else does: a base (the real time when the extension first ran in this
 * profile) plus an offset the test adds to, both kept in storage, so a restarted worker
 * keeps the time the test gave it. It does not follow the real time: otherwise every
 * duration a test checks would include however long the machine took to run the steps,
 * and a busy machine would fail the upper bounds. The desktop tests ('desktop' builds)
 * measure against the wall clock: `realTime` keeps it.
 */
export async function createTestClock(realTime: boolean): Promise<{ clock: Clock; setOffset: (ms: number) => Promise<void>; offset: () => number }> {
  const stored = await browser.storage.local.get([OFFSET_KEY, BASE_KEY]);
  let offset = Number(stored[OFFSET_KEY] ?? 0);
  let base = Number(stored[BASE_KEY]);
  if (!Number.isFinite(base)) {
    base = Date.now();
    await browser.storage.local.set({ [BASE_KEY]: base });
  }
  return {
    clock: () => (realTime ? Date.now() : base) + offset,
    offset: () => offset,
    setOffset: async (ms) => {
      offset = ms;
      await browser.storage.local.set({ [OFFSET_KEY]: ms });
    },
  };
}

export interface TestHooks {
  now(): number;
  /** The tracker's clock: what the test has made of the time. */
  clock(): Promise<number>;
  /** Moves the clock, once every event the background has received so far is handled at the old time. */
  advanceClock(ms: number): Promise<number>;
  /** Resolves once every event the background has received so far is handled. */
  drained(): Promise<void>;
  /**
   * Waits until the content script of each tab showing `url` runs, has sent every report it
   * holds, and the background has handled them all. Returns how many tabs were settled.
   */
  settlePage(url: string, timeoutMs?: number): Promise<number>;
  setIdle(state: IdleState): Promise<void>;
  tick(): Promise<void>;
  flush(): Promise<void>;
  writes(): Promise<number>;
  sessions(): Promise<SessionRecord[]>;
  /** What the popup would show now, without handling anything. */
  status(): Promise<StatusResponse>;
  weeklyExport(): Promise<void>;
  /** Differs after every start of the worker or event page: proves a restart really happened. */
  instance(): string;
  /** Whether a content script has reported from a page whose URL contains `urlPart` (its script is running there). */
  reportedFrom(urlPart: string): boolean;
  /** Connects a WebDAV folder as the sync setup does, without starting a sync: the benchmark times each sync itself. */
  connectWebDav(setup: WebDavSetup): Promise<CommandResponse>;
  /** One WebDAV sync, as the scheduler runs it. */
  syncWebDav(): Promise<SyncOutcome<'webdav'>>;
}

export function installTestHooks(
  service: Promise<TrackingService>,
  db: SocialHoursDatabase,
  testClock: Promise<Awaited<ReturnType<typeof createTestClock>>>,
  weekly: WeeklyExport,
): void {
  const instance = crypto.randomUUID();
  const reportingPages = new Set<string>();
  browser.runtime.onMessage.addListener((message: unknown, sender: { tab?: { url?: string } }) => {
    if ((message as { type?: string })?.type === 'page-report' && sender.tab?.url) reportingPages.add(sender.tab.url);
    return false;
  });
  // The service handles events one at a time, in arrival order, each dated when its turn
  // comes: an event source that yields nothing is a barrier behind everything already queued.
  const drained = async () => (await service).dispatch(async () => null);
  const webdav = testClock.then((c) => webDavSync(db, c.clock));
  const hooks: TestHooks = {
    now: () => Date.now(),
    clock: async () => (await testClock).clock(),
    advanceClock: async (ms) => {
      // Events still queued (a page report that woke the worker, a tab switch) belong to the
      // time before the jump: let them be handled at that time first.
      await drained();
      const c = await testClock;
      await c.setOffset(c.offset() + ms);
      return c.clock();
    },
    setIdle: async (state) => (await service).dispatch({ type: 'idle', state }),
    drained,
    settlePage: async (url, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      let lastError = 'no tab shows this URL';
      for (;;) {
        const tabs = (await browser.tabs.query({})).filter((tab) => tab.url === url && tab.id !== undefined && tab.status === 'complete');
        const answers = await Promise.all(
          tabs.map((tab) =>
            browser.tabs.sendMessage(tab.id!, { type: DRAIN_REQUEST }, { frameId: 0 }).then(
              (answer: unknown) => answer === true || ((lastError = `drain answered ${JSON.stringify(answer)}`), false),
              (error: unknown) => ((lastError = String(error)), false),
            ),
          ),
        );
        if (tabs.length > 0 && answers.every(Boolean)) break;
        // The content script is not injected yet (document_idle), or the page is still loading.
        if (Date.now() > deadline) throw new Error(`settlePage(${url}): ${lastError}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await drained();
      return (await browser.tabs.query({})).filter((tab) => tab.url === url).length;
    },
    tick: async () => (await service).dispatch({ type: 'tick' }),
    flush: async () => (await service).flush(),
    writes: async () => (await service).writeCount,
    sessions: () => db.sessions.orderBy('start').toArray(),
    status: async () => (await service).peek(),
    weeklyExport: () => weekly.check(),
    instance: () => instance,
    reportedFrom: (urlPart) => [...reportingPages].some((url) => url.includes(urlPart)),
    connectWebDav: async (setup) => (await (await webdav).connect(setup)).response,
    syncWebDav: async () => (await webdav).run(),
  };
  (globalThis as unknown as { socialHoursTest: TestHooks }).socialHoursTest = hooks;

  // Firefox tests cannot evaluate code in the background page: they call the same hooks
  // with messages from an extension page.
  const origin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender: { url?: string; tab?: unknown }, respond: (value: unknown) => void) => {
    if ((message as { type?: string } | null)?.type === DRAIN_BARRIER && sender.tab) {
      // Messages from a page arrive in the order it sent them, and each page report was queued
      // on the service when it arrived: this barrier resolves after all of them are handled.
      void drained().then(() => respond(true), (error: unknown) => respond({ error: String(error) }));
      return true;
    }
    const call = message as { type?: string; name?: keyof TestHooks; args?: unknown[] };
    if (call?.type !== 'test-hook' || !call.name || !(call.name in hooks) || !sender.url?.startsWith(origin)) return false;
    void Promise.resolve((hooks[call.name] as (...args: unknown[]) => unknown)(...(call.args ?? []))).then(respond, (error: unknown) => respond({ error: String(error) }));
    return true;
  });
}
