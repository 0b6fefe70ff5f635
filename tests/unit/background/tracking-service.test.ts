import { beforeEach, describe, expect, it } from 'vitest';
import { TrackingService, type TrackingPorts } from '../../../lib/background/tracking-service';
import { SocialHoursDatabase } from '../../../lib/db/database';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { FB_PAGE, T0, ev } from '../../support/tracker-harness';

let db: SocialHoursDatabase;
let now: number;
let checkpoint: unknown;
let wakeups: boolean[];
let ids: number;

function ports(): TrackingPorts {
  return {
    db,
    clock: () => now,
    newId: () => `id${++ids}`,
    loadCheckpoint: async () => checkpoint,
    saveCheckpoint: async (state) => {
      checkpoint = JSON.parse(JSON.stringify(state));
    },
    readBrowserState: async () => ({ focusedWindowId: 1, activeTabs: [{ tabId: 10, windowId: 1, url: FB_PAGE }], idle: 'active' }),
    setWakeups: async (on) => {
      wakeups.push(on);
    },
    savePaused: async () => {},
  };
}

function service(): TrackingService {
  return new TrackingService(ports(), { settings: DEFAULT_SETTINGS, rules: [], paused: false });
}

beforeEach(async () => {
  db = new SocialHoursDatabase();
  await db.delete();
  db = new SocialHoursDatabase();
  now = T0;
  checkpoint = undefined;
  wakeups = [];
  ids = 0;
});

async function inputAt(s: TrackingService, seconds: number) {
  now = T0 + seconds * 1000;
  await s.dispatch(ev.input(10, 1, FB_PAGE));
}

describe('the tracking service', () => {
  it('survives a restart from its checkpoint with the same session, nothing lost or doubled', async () => {
    const first = service();
    await first.start();
    for (let t = 0; t <= 60; t += 10) await inputAt(first, t);

    // The worker dies; a new one starts from the checkpoint.
    const second = service();
    now = T0 + 65_000;
    await second.start();
    for (let t = 70; t <= 120; t += 10) await inputAt(second, t);
    await second.flush();

    const sessions = await db.sessions.toArray();
    expect(sessions.map((s) => [s.id, (s.end - s.start) / 1000])).toEqual([['id1', 120]]);
  });

  it('asks for wake-ups only while a session is open', async () => {
    const s = service();
    await s.start();
    await inputAt(s, 0);
    await inputAt(s, 5);
    now = T0 + 200_000;
    await s.dispatch(ev.tick());
    expect(wakeups).toEqual([false, true, false]);
  });

  it('handles events in arrival order even when one waits on the browser', async () => {
    const s = service();
    await s.start();
    now = T0;
    const slow = s.dispatch(async () => {
      await new Promise((r) => setTimeout(r, 20));
      return ev.input(10, 1, FB_PAGE);
    });
    now = T0 + 30_000;
    const fast = s.dispatch(ev.input(10, 1, FB_PAGE));
    await Promise.all([slow, fast]);
    await s.flush();
    const [session] = await db.sessions.toArray();
    expect([(session!.start - T0) / 1000, (session!.end - T0) / 1000]).toEqual([0, 30]);
  });

  it('reports its status and pauses', async () => {
    const s = service();
    await s.start();
    await inputAt(s, 0);
    now = T0 + 10_000;
    expect((await s.status()).status).toMatchObject({ kind: 'tracking', session: { platform: 'facebook', account: 'boulangerie-dupont' } });
    await s.setPaused(true);
    expect(await s.status()).toMatchObject({ paused: true, status: { kind: 'paused' } });
  });

  it('keeps going after a failing write and writes what it missed with the next event', async () => {
    checkpoint = { version: 99, garbage: true };
    const s = service();
    await s.start();
    await inputAt(s, 0);
    await inputAt(s, 20);
    // The session closes while the database is unavailable.
    db.close();
    now = T0 + 200_000;
    await expect(s.dispatch(ev.tick())).rejects.toThrow();
    await db.open();
    await inputAt(s, 210);
    await inputAt(s, 220);
    await s.flush();
    const sessions = await db.sessions.orderBy('start').toArray();
    expect(sessions.map((x) => [(x.start - T0) / 1000, (x.end - T0) / 1000])).toEqual([
      [0, 20],
      [210, 220],
    ]);
  });
});
