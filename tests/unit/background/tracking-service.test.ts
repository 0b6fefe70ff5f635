import { beforeEach, describe, expect, it } from 'vitest';
import { TrackingService, type TrackingPorts } from '../../../lib/background/tracking-service';
import type { BrowserView } from '../../../lib/tracking/events';
import { SocialHoursDatabase } from '../../../lib/db/database';
import { PERSONAL_CLIENT_ID, type ClientRecord } from '../../../lib/db/records';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { FB_PAGE, T0, ev, type PageInput } from '../../support/tracker-harness';

let db: SocialHoursDatabase;
let now: number;
let checkpoint: unknown;
let wakeups: boolean[];
let ids: number;
let view: BrowserView;

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
    readView: async () => view,
    setWakeups: async (on) => {
      wakeups.push(on);
    },
    wakeAt: async () => {},
    saveDurable: async () => {},
    saveSettings: async () => {},
  };
}

function service(): TrackingService {
  return new TrackingService(ports(), { settings: DEFAULT_SETTINGS, rules: [], clients: [], paused: false, timer: null, override: null, away: null });
}

beforeEach(async () => {
  db = new SocialHoursDatabase();
  await db.delete();
  db = new SocialHoursDatabase();
  now = T0;
  checkpoint = undefined;
  wakeups = [];
  ids = 0;
  view = { focusedWindowId: 1, activeTab: { tabId: 10, windowId: 1, url: FB_PAGE } };
});

/** A content script's report, as the background receives it. */
function report(s: TrackingService, { type: _type, ...page }: PageInput) {
  return s.report(page);
}

async function inputAt(s: TrackingService, seconds: number) {
  now = T0 + seconds * 1000;
  await report(s, ev.input(10, 1, FB_PAGE));
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
    await s.wake();
    expect(wakeups).toEqual([false, true, false]);
  });

  it('reads the clock once per event, in the order events are handled', async () => {
    const s = service();
    await s.start();
    await inputAt(s, 0);
    await inputAt(s, 5);
    now = T0 + 10_000;
    const slow = s.dispatch(async () => {
      await new Promise((r) => setTimeout(r, 20));
      now = T0 + 20_000;
      return ev.tick();
    });
    const popup = s.status();
    now = T0 + 12_000;
    const input = report(s, ev.input(10, 1, FB_PAGE));
    await Promise.all([slow, popup, input]);
    await s.flush();
    const sessions = await db.sessions.toArray();
    expect(sessions.map((x) => [(x.start - T0) / 1000, (x.end - T0) / 1000])).toEqual([[0, 20]]);
  });

  it('stops the count when the page says its window lost the focus and the browser shows no focused window', async () => {
    const s = service();
    await s.start();
    await inputAt(s, 0);
    await inputAt(s, 10);
    // On Linux Chromium sends no focus event when another application takes the focus: the page's blur report is what comes.
    now = T0 + 10_700;
    view = { focusedWindowId: null, activeTab: null };
    await report(s, ev.page(10, 1, FB_PAGE, {}));
    now = T0 + 40_000;
    await s.wake();
    await s.flush();
    const sessions = await db.sessions.toArray();
    expect(sessions.map((x) => [(x.start - T0) / 1000, (x.end - T0) / 1000])).toEqual([[0, 10.7]]);
  });

  it('stores whole milliseconds when a report says when the input was with fractions', async () => {
    const s = service();
    await s.start();
    await inputAt(s, 0);
    now = T0 + 10_000;
    await s.report({ tabId: 10, windowId: 1, url: FB_PAGE, inputAgoMs: 1234.5678, visible: true, mediaPlaying: false });
    now = T0 + 200_000;
    await s.wake();
    const [session] = await db.sessions.toArray();
    expect(Number.isInteger(session!.end)).toBe(true);
    expect(session!.end - T0).toBe(8765);
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

  it('writes a closed session whose write failed, even when the worker restarts before the retry', async () => {
    const first = service();
    await first.start();
    await inputAt(first, 0);
    await inputAt(first, 20);
    db.close();
    now = T0 + 200_000;
    await expect(first.wake()).rejects.toThrow();
    await db.open();
    const second = service();
    now = T0 + 210_000;
    await second.start();
    const sessions = await db.sessions.toArray();
    expect(sessions.map((x) => [(x.start - T0) / 1000, (x.end - T0) / 1000])).toEqual([[0, 20]]);
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
    await expect(s.wake()).rejects.toThrow();
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

describe('what the user asks of the time', () => {
  const dupont: ClientRecord = { id: 'dupont', name: 'Boulangerie Dupont', color: '#c2410c', archived: false, createdAt: 0 };
  const martin: ClientRecord = { id: 'martin', name: 'Fleuriste Martin', color: '#15803d', archived: false, createdAt: 0 };

  async function withClients(): Promise<TrackingService> {
    await db.clients.bulkPut([dupont, martin]);
    const s = new TrackingService(ports(), { settings: DEFAULT_SETTINGS, rules: [], clients: [dupont, martin], paused: false, timer: null, override: null, away: null });
    await s.start();
    return s;
  }

  async function stored() {
    return (await db.sessions.orderBy('start').toArray()).map((x) => [x.clientId, x.platform, (x.start - T0) / 1000, (x.end - T0) / 1000]);
  }

  it('gives everything to the override, then splits when it is turned off', async () => {
    const s = await withClients();
    await inputAt(s, 0);
    now = T0 + 10_000;
    expect(await s.setOverride({ clientId: 'dupont', until: null })).toEqual({ ok: true });
    await inputAt(s, 20);
    now = T0 + 30_000;
    await s.setOverride(null);
    await inputAt(s, 40);
    await s.flush();
    expect(await stored()).toEqual([
      [null, 'facebook', 0, 10],
      ['dupont', 'facebook', 10, 30],
      [null, 'facebook', 30, 40],
    ]);
    expect(await s.setOverride({ clientId: 'nobody', until: null })).toEqual({ ok: false, error: 'unknown-client' });
  });

  it('pauses automatic time while the timer runs, and logs the timer as a manual session', async () => {
    const s = await withClients();
    await inputAt(s, 0);
    now = T0 + 10_000;
    await s.startTimer({ clientId: 'martin', kind: 'call' });
    for (let t = 20; t <= 600; t += 20) await inputAt(s, t);
    expect((await s.status()).timer).toMatchObject({ clientId: 'martin', kind: 'call', startedAt: T0 + 10_000 });
    now = T0 + 610_000;
    await s.stopTimer();
    await inputAt(s, 620);
    await inputAt(s, 630);
    await s.flush();
    expect(await stored()).toEqual([
      [null, 'facebook', 0, 10],
      ['martin', 'manual', 10, 610],
      // Input went on during the timer: automatic time resumes the moment it stops.
      [null, 'facebook', 610, 630],
    ]);
  });

  it('carves a manual entry out of the automatic time it covers', async () => {
    const s = await withClients();
    for (let t = 0; t <= 300; t += 10) await inputAt(s, t);
    await s.flush();
    now = T0 + 4 * 3_600_000;
    const start = new Date(T0 + 60_000);
    const hhmm = `${String(start.getHours()).padStart(2, '0')}:${String(start.getMinutes()).padStart(2, '0')}`;
    const date = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}`;
    const result = await s.addManual({ clientId: 'dupont', kind: 'call', date, start: hhmm, duration: '2', note: '' });
    expect(result).toEqual({ ok: true, count: 1 });
    expect(await stored()).toEqual([
      [null, 'facebook', 0, 60],
      ['dupont', 'manual', 60, 180],
      [null, 'facebook', 180, 300],
    ]);
    expect(await s.addManual({ clientId: 'dupont', kind: 'nap', date, start: hhmm, duration: '0', note: '' })).toEqual({ ok: false, error: 'invalid', problems: ['kind-invalid', 'duration-invalid'] });
  });

  it('logs manual time as personal time, which the form offers, and refuses an unknown client', async () => {
    const s = await withClients();
    now = T0 + 4 * 3_600_000;
    const start = new Date(T0 + 60_000);
    const hhmm = `${String(start.getHours()).padStart(2, '0')}:${String(start.getMinutes()).padStart(2, '0')}`;
    const date = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}`;
    expect(await s.addManual({ clientId: PERSONAL_CLIENT_ID, kind: 'other', date, start: hhmm, duration: '0:30', note: '' })).toEqual({ ok: true, count: 1 });
    expect(await stored()).toEqual([[PERSONAL_CLIENT_ID, 'manual', 60, 1860]]);
    expect(await s.addManual({ clientId: 'gone', kind: 'call', date, start: hhmm, duration: '0:30', note: '' })).toEqual({ ok: false, error: 'unknown-client' });
  });

  it('offers a long idle spell on return, and logs it for a client', async () => {
    const s = await withClients();
    await inputAt(s, 0);
    now = T0 + 60_000;
    await s.dispatch(ev.idle('idle'));
    now = T0 + 30 * 60_000;
    await s.dispatch(ev.idle('active'));
    const { away } = await s.status();
    expect(away).toEqual({ from: T0, to: T0 + 30 * 60_000 });
    await s.logAway('martin', 'meeting', 'Réunion');
    expect((await s.status()).away).toBeNull();
    const manual = await db.sessions.where('platform').equals('manual').toArray().catch(() => db.sessions.filter((x) => x.platform === 'manual').toArray());
    expect(manual.map((m) => [m.clientId, m.activity, m.note, (m.end - m.start) / 60_000])).toEqual([['martin', 'meeting', 'Réunion', 30]]);
  });

  it('does not offer a short absence', async () => {
    const s = await withClients();
    now = T0;
    await s.dispatch(ev.idle('idle'));
    now = T0 + 5 * 60_000;
    await s.dispatch(ev.idle('active'));
    expect((await s.status()).away).toBeNull();
  });

  it('assigns sessions by hand, splits one, and keeps the time of a deleted client as unassigned', async () => {
    const s = await withClients();
    for (let t = 0; t <= 100; t += 10) await inputAt(s, t);
    await s.flush();
    const [first] = await db.sessions.toArray();
    expect(await s.splitSession(first!.id, T0 + 50_000)).toEqual({ ok: true, count: 2 });
    const ids = (await db.sessions.toArray()).map((x) => x.id);
    expect(await s.assignSessions(ids, 'dupont')).toEqual({ ok: true, count: ids.length, editId: expect.any(String) });
    expect((await db.sessions.toArray()).every((x) => x.clientId === 'dupont' && x.assignedBy === 'user')).toBe(true);
    expect(await s.deleteClient('dupont')).toEqual({ ok: true, count: ids.length });
    expect(await db.clients.get('dupont')).toBeUndefined();
    expect((await db.sessions.toArray()).every((x) => x.clientId === null)).toBe(true);
  });

  it('re-attributes the past unassigned time of a new rule, never time assigned by hand', async () => {
    const s = await withClients();
    for (let t = 0; t <= 60; t += 10) await inputAt(s, t);
    now = T0 + 200_000;
    await s.wake();
    for (let t = 300; t <= 360; t += 10) await inputAt(s, t);
    await s.flush();
    const [handPicked] = await db.sessions.orderBy('start').toArray();
    await s.assignSessions([handPicked!.id], null);
    await db.rules.put({ id: 'r1', clientId: 'dupont', platform: 'facebook', account: 'boulangerie-dupont', urlPattern: null, createdAt: 1 });
    expect(await s.reattribute('r1')).toEqual({ ok: true, count: 1 });
    expect((await db.sessions.orderBy('start').toArray()).map((x) => [x.clientId, x.assignedBy])).toEqual([
      [null, 'user'],
      ['dupont', 'rule'],
    ]);
  });

  it('edits, merges and deletes sessions, keeping every change in the history', async () => {
    const s = await withClients();
    for (let t = 0; t <= 60; t += 10) await inputAt(s, t);
    now = T0 + 200_000;
    await s.wake();
    for (let t = 300; t <= 360; t += 10) await inputAt(s, t);
    now = T0 + 500_000;
    await s.wake();
    const [a, b] = await db.sessions.orderBy('start').toArray();

    expect(await s.updateSession(a!.id, { end: T0 + 400_000 })).toEqual({ ok: false, error: 'overlap' });
    expect(await s.updateSession(a!.id, { start: T0 + 70_000 })).toEqual({ ok: false, error: 'end-before-start' });
    expect(await s.updateSession(a!.id, { clientId: 'dupont', note: 'Réponses aux avis', start: T0 + 5_000 })).toEqual({ ok: true, count: 1 });
    expect(await s.mergeSessions([a!.id, b!.id])).toEqual({ ok: false, error: 'merge-different' });
    await s.assignSessions([b!.id], 'dupont');
    expect(await s.mergeSessions([a!.id, b!.id])).toEqual({ ok: true, count: 2 });
    const [merged] = await db.sessions.toArray();
    expect([(merged!.start - T0) / 1000, (merged!.end - T0) / 1000, merged!.note, merged!.clientId]).toEqual([5, 360, 'Réponses aux avis', 'dupont']);
    expect(await s.deleteSessions([merged!.id])).toEqual({ ok: true, count: 1, editId: expect.any(String) });
    expect(await db.sessions.count()).toBe(0);

    const history = await db.edits.where('sessionIds').equals(a!.id).sortBy('at');
    expect(history.map((e) => e.action)).toEqual(['update', 'merge', 'delete']);
    expect(history[0]!.before[0]).toMatchObject({ start: T0, clientId: null });
    expect(history[0]!.after[0]).toMatchObject({ start: T0 + 5_000, clientId: 'dupont', assignedBy: 'user' });
  });
});
