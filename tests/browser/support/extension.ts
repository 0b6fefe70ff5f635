import type { Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
import type { TestHooks } from '../../../entrypoints/background/test-hooks';
import type { SessionRecord } from '../../../lib/db/records';
import type { IdleState } from '../../../lib/tracking/events';
import type { StatusResponse } from '../../../lib/messaging/protocol';
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

/** Drives the extension in a browser test: its clock, its idle state, and what it stored. */
export class ExtensionDriver {
  constructor(private browser: ExtensionBrowser) {}

  private async worker(): Promise<Worker> {
    // The first call after a restart wakes the worker: wait until its hooks are installed.
    const worker = await this.browser.worker();
    await worker.evaluate(async () => {
      for (let i = 0; i < 100 && !(globalThis as { socialHoursTest?: unknown }).socialHoursTest; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    return worker;
  }

  async advanceClock(seconds: number): Promise<void> {
    await hook(await this.worker(), 'advanceClock', seconds * 1000);
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

  async instance(): Promise<string> {
    return hook(await this.worker(), 'instance');
  }

  async status(): Promise<StatusResponse> {
    return hook(await this.worker(), 'status');
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
    await cdp.detach();
  }

  /** Runs code in the worker: browser APIs the test needs (windows, tabs). */
  async inWorker<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> {
    return (await this.worker()).evaluate(fn as never, arg) as Promise<T>;
  }
}

/** A trusted click in the page, then a moment for the report to reach the background. */
export async function actOn(page: Page): Promise<void> {
  await page.mouse.click(5, 200);
  await settle();
}

export async function settle(ms = 400): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
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
