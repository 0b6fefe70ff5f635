import { describe, expect, it } from 'vitest';
import { SyncScheduler, type SchedulerPorts, type SyncOutcome } from '../../../lib/sync/scheduler';
import { NO_SYNC, SYNC_INTERVAL_MS, type SyncStatus } from '../../../lib/sync/status';

function harness(stored: SyncStatus = NO_SYNC) {
  let now = 1_000_000;
  const saved: SyncStatus[] = [];
  const wakes: Array<number | null> = [];
  const calls = { browser: 0, webdav: 0 };
  let release: (() => void) | null = null;
  let next: SyncOutcome<'webdav'> = { problem: null };
  const ports: SchedulerPorts = {
    now: () => now,
    loadStatus: async () => stored,
    saveStatus: async (s) => void saved.push(s),
    wakeAt: async (at) => void wakes.push(at),
    runners: {
      browser: async () => {
        calls.browser += 1;
        return { problem: null, details: { bytesInUse: 2048 } };
      },
      webdav: async () => {
        calls.webdav += 1;
        await new Promise<void>((r) => (release = r));
        return next;
      },
    },
  };
  return {
    scheduler: new SyncScheduler(ports),
    saved,
    wakes,
    calls,
    finish: async () => {
      while (!release) await new Promise((r) => setTimeout(r, 0));
      const r = release;
      release = null;
      r();
      await new Promise((r) => setTimeout(r, 0));
    },
    setNow: (at: number) => (now = at),
    failNext: (outcome: SyncOutcome<'webdav'>) => (next = outcome),
  };
}

describe('the sync scheduler', () => {
  it('runs a channel when turned on, records the success and wakes for the next one', async () => {
    const h = harness();
    await h.scheduler.setEnabled('browser', true);
    const status = await h.scheduler.current();
    expect(status.browser).toMatchObject({ enabled: true, running: false, lastSuccessAt: 1_000_000, bytesInUse: 2048, nextAttemptAt: 1_000_000 + SYNC_INTERVAL_MS });
    expect(h.wakes.at(-1)).toBe(1_000_000 + SYNC_INTERVAL_MS);
  });

  it('runs one attempt at a time, and once more when asked during one', async () => {
    const h = harness();
    const first = h.scheduler.setEnabled('webdav', true);
    await new Promise((r) => setTimeout(r, 0));
    void h.scheduler.run('webdav');
    void h.scheduler.run('webdav');
    await h.finish();
    await first;
    await h.finish();
    expect(h.calls.webdav).toBe(2);
  });

  it('backs off after a failure and says why; runs what is due only', async () => {
    const h = harness();
    h.failNext({ problem: { code: 'unauthorized' } });
    const on = h.scheduler.setEnabled('webdav', true);
    await h.finish();
    await on;
    const failed = (await h.scheduler.current()).webdav;
    expect(failed).toMatchObject({ failures: 1, problem: { code: 'unauthorized' }, nextAttemptAt: 1_000_000 + 60_000 });
    await h.scheduler.runDue();
    expect(h.calls.webdav).toBe(1);
    h.setNow(1_000_000 + 60_000);
    h.failNext({ problem: null });
    const due = h.scheduler.runDue();
    await h.finish();
    await due;
    expect((await h.scheduler.current()).webdav).toMatchObject({ failures: 0, problem: null, lastSuccessAt: 1_060_000 });
  });

  it('forgets an attempt that a stopped worker left running, and a channel turned off meanwhile', async () => {
    const h = harness({ ...NO_SYNC, webdav: { ...NO_SYNC.webdav, enabled: true, running: true } });
    expect((await h.scheduler.current()).webdav.running).toBe(false);
    const run = h.scheduler.run('webdav');
    await new Promise((r) => setTimeout(r, 0));
    await h.scheduler.setEnabled('webdav', false);
    await h.finish();
    await run;
    expect((await h.scheduler.current()).webdav).toMatchObject({ enabled: false, lastAttemptAt: null });
  });
});
