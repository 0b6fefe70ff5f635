import { beforeEach, describe, expect, it } from 'vitest';
import { SocialHoursDatabase } from '../../../lib/db/database';
import { sessionsOverlapping } from '../../../lib/db/session-queries';
import { CHECKPOINT_INTERVAL_MS, SessionWriter } from '../../../lib/db/session-writer';
import { HOUR } from '../../../lib/time/clock';
import { FB_PAGE, IG_PAGE, T0, TrackerHarness, ev } from '../../support/tracker-harness';

let db: SocialHoursDatabase;

beforeEach(async () => {
  db = new SocialHoursDatabase();
  await db.delete();
  db = new SocialHoursDatabase();
  await db.open();
});

/** Plays events into a tracker and writes what it produces, as the background does. */
async function play(h: TrackerHarness, writer: SessionWriter, steps: Array<[number, Parameters<TrackerHarness['at']>[1]]>) {
  for (const [seconds, event] of steps) {
    const before = h.closed.length;
    h.at(seconds, event);
    await writer.record({ closed: h.closed.slice(before), discarded: [] }, h.tracker.open, h.now);
  }
}

describe('coalesced session writes', () => {
  it('writes an engaged hour in about one write per checkpoint interval, not one per event', async () => {
    const writer = new SessionWriter(db);
    const h = new TrackerHarness().at(0, ev.sync(1, [[10, 1, FB_PAGE]]));
    const steps: Array<[number, ReturnType<typeof ev.input>]> = [];
    for (let t = 0; t <= 3600; t += 2) steps.push([t, ev.input(10, 1, FB_PAGE)]);
    await play(h, writer, steps);
    expect(steps.length).toBe(1801);
    expect(writer.writes).toBeLessThanOrEqual(HOUR / CHECKPOINT_INTERVAL_MS + 1);
    const stored = await db.sessions.toArray();
    expect(stored).toHaveLength(1);
    // The stored copy lags the open session by less than one checkpoint interval.
    expect(h.now - stored[0]!.end).toBeLessThan(CHECKPOINT_INTERVAL_MS);
  });

  it('writes closed sessions as they are and removes an open copy that ended with no time', async () => {
    const writer = new SessionWriter(db);
    const h = new TrackerHarness().at(0, ev.sync(1, [[10, 1, FB_PAGE]]));
    await play(h, writer, [
      [0, ev.input(10, 1, FB_PAGE)],
      [40, ev.input(10, 1, FB_PAGE)],
      [50, ev.activate(11, 1, IG_PAGE)],
      [60, ev.input(11, 1, IG_PAGE)],
      [200, ev.tick()],
    ]);
    const stored = (await db.sessions.orderBy('start').toArray()).map((s) => [s.platform, (s.start - T0) / 1000, (s.end - T0) / 1000, s.source]);
    expect(stored).toEqual([
      ['facebook', 0, 50, 'auto'],
      ['instagram', 50, 60, 'auto'],
    ]);

    await writer.flush(null, h.now);
    const ghost = { id: 'ghost', tabId: 1, start: T0, end: T0 + 45_000, platform: 'x' as const, account: null, activity: 'browsing' as const, clientId: null, assignedBy: null, ruleId: null, page: null };
    await writer.flush(ghost, T0);
    await writer.record({ closed: [], discarded: ['ghost'] }, null, T0 + 1);
    expect(await db.sessions.get('ghost')).toBeUndefined();
  });
});

describe('range queries', () => {
  it('finds the sessions that overlap a day, including one that started the day before', async () => {
    const day = new Date(2026, 10, 23).getTime();
    const put = (id: string, start: number, end: number) =>
      db.sessions.put({ id, start, end, clientId: null, platform: 'facebook', account: null, activity: 'browsing', source: 'auto', createdAt: start, updatedAt: start });
    await put('before', day - 2 * HOUR, day - HOUR);
    await put('across', day - HOUR, day + HOUR);
    await put('inside', day + 10 * HOUR, day + 11 * HOUR);
    await put('after', day + 25 * HOUR, day + 26 * HOUR);
    const found = await sessionsOverlapping(db, day, day + 24 * HOUR);
    expect(found.map((s) => s.id).sort()).toEqual(['across', 'inside']);
  });
});

describe('work a stopped worker left', () => {
  const record = (id: string, updatedAt: number) => ({
    id, start: T0, end: T0 + 60_000, clientId: null, platform: 'facebook', account: 'boulangerie-dupont', activity: 'browsing',
    source: 'auto' as const, assignedBy: null, ruleId: null, page: null, createdAt: T0, updatedAt,
  });

  it('removes a session emptied after a restart, though this worker never wrote it', async () => {
    await db.sessions.put(record('open-before-restart', T0 + 60_000));
    const writer = new SessionWriter(db);
    await writer.record({ closed: [], discarded: ['open-before-restart'] }, null, T0 + 90_000);
    expect(await db.sessions.count()).toBe(0);
  });

  it('finishes pending writes, but never over a newer version (a user edit since)', async () => {
    await db.sessions.put({ ...record('edited', T0 + 500_000), clientId: 'dupont' });
    const writer = new SessionWriter(db);
    await writer.resume({ puts: [record('lost', T0 + 60_000), record('edited', T0 + 60_000)], deletes: [] });
    const stored = await db.sessions.orderBy('id').toArray();
    expect(stored.map((s) => [s.id, s.clientId])).toEqual([
      ['edited', 'dupont'],
      ['lost', null],
    ]);
  });
});
