import { beforeEach, describe, expect, it } from 'vitest';
import { SessionCommands } from '../../../lib/background/session-commands';
import { SocialHoursDatabase } from '../../../lib/db/database';
import { pastDayTotals } from '../../../lib/db/day-totals';
import type { SessionRecord } from '../../../lib/db/records';
import { HOUR, MINUTE } from '../../../lib/time/clock';

const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).getTime();
const day = (d: number) => new Date(2026, 10, d).getTime();
const s = (id: string, clientId: string | null, start: number, end: number): SessionRecord => ({
  id, start, end, clientId, platform: 'facebook', account: 'x', activity: 'browsing', source: 'auto', createdAt: start, updatedAt: start,
});

let db: SocialHoursDatabase;
beforeEach(async () => {
  db = new SocialHoursDatabase();
  await db.delete();
  db = new SocialHoursDatabase();
  await db.sessions.bulkPut([s('a', 'dupont', at(23, 9), at(23, 10)), s('b', null, at(24, 23, 30), at(25, 0, 30)), s('c', 'dupont', at(26, 9), at(26, 9, 30))]);
});

describe('per-day totals of past days', () => {
  it('are computed once, split at midnight, and never for today', async () => {
    const rows = await pastDayTotals(db, { from: day(23), to: day(30) }, day(26));
    expect(rows.map((r) => [new Date(r.day).getDate(), r.byClient])).toEqual([
      [23, { dupont: HOUR }],
      [24, { '': 30 * MINUTE }],
      [25, { '': 30 * MINUTE }],
    ]);
    expect(await db.dayTotals.count()).toBe(3);
  });

  it('are dropped when an edit touches their day, and come back right', async () => {
    await pastDayTotals(db, { from: day(23), to: day(30) }, day(26));
    await db.clients.put({ id: 'dupont', name: 'Boulangerie Dupont', color: '#c2410c', archived: false, createdAt: 0 });
    const commands = new SessionCommands(db, () => crypto.randomUUID());
    expect(await commands.assign(['b'], 'dupont', at(26, 12))).toEqual({ ok: true, count: 1, editId: expect.any(String) });
    expect((await db.dayTotals.toCollection().primaryKeys()).map((d) => new Date(d as number).getDate())).toEqual([23]);
    const rows = await pastDayTotals(db, { from: day(23), to: day(30) }, day(26));
    expect(rows.map((r) => r.byClient)).toEqual([{ dupont: HOUR }, { dupont: 30 * MINUTE }, { dupont: 30 * MINUTE }]);
  });
});
