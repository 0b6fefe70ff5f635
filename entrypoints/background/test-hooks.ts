import { browser } from 'wxt/browser';
import type { TrackingService } from '../../lib/background/tracking-service';
import type { SocialHoursDatabase } from '../../lib/db/database';
import type { SessionRecord } from '../../lib/db/records';
import type { Clock } from '../../lib/time/clock';
import type { IdleState } from '../../lib/tracking/events';
import type { StatusResponse } from '../../lib/messaging/protocol';
import type { WeeklyExport } from './weekly-export';

const OFFSET_KEY = 'testClockOffsetMs';

/**
 * A clock that browser tests can move: the real time plus an offset kept in storage, so a
 * restarted worker keeps the time the test gave it. Compiled into e2e builds only.
 */
export async function createTestClock(): Promise<{ clock: Clock; setOffset: (ms: number) => Promise<void>; offset: () => number }> {
  let offset = Number((await browser.storage.local.get(OFFSET_KEY))[OFFSET_KEY] ?? 0);
  return {
    clock: () => Date.now() + offset,
    offset: () => offset,
    setOffset: async (ms) => {
      offset = ms;
      await browser.storage.local.set({ [OFFSET_KEY]: ms });
    },
  };
}

export interface TestHooks {
  now(): number;
  advanceClock(ms: number): Promise<number>;
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
  const hooks: TestHooks = {
    now: () => Date.now(),
    advanceClock: async (ms) => {
      const c = await testClock;
      await c.setOffset(c.offset() + ms);
      return c.clock();
    },
    setIdle: async (state) => (await service).dispatch({ type: 'idle', state }),
    tick: async () => (await service).dispatch({ type: 'tick' }),
    flush: async () => (await service).flush(),
    writes: async () => (await service).writeCount,
    sessions: () => db.sessions.orderBy('start').toArray(),
    status: async () => (await service).peek(),
    weeklyExport: () => weekly.check(),
    instance: () => instance,
    reportedFrom: (urlPart) => [...reportingPages].some((url) => url.includes(urlPart)),
  };
  (globalThis as unknown as { socialHoursTest: TestHooks }).socialHoursTest = hooks;

  // Firefox tests cannot evaluate code in the background page: they call the same hooks
  // with messages from an extension page.
  const origin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender: { url?: string }, respond: (value: unknown) => void) => {
    const call = message as { type?: string; name?: keyof TestHooks; args?: unknown[] };
    if (call?.type !== 'test-hook' || !call.name || !(call.name in hooks) || !sender.url?.startsWith(origin)) return false;
    void Promise.resolve((hooks[call.name] as (...args: unknown[]) => unknown)(...(call.args ?? []))).then(respond, (error: unknown) => respond({ error: String(error) }));
    return true;
  });
}
