import { describe, expect, it } from 'vitest';
import type { ClientRecord, SessionRecord } from '../../../lib/db/records';
import { buildPeriodView } from '../../../lib/reports/period-view';
import { HOUR, MINUTE } from '../../../lib/time/clock';
import { isoDate, monthRange, weekRange } from '../../../lib/time/calendar';

const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).getTime();
const calendar = { workingDays: [1, 2, 3, 4, 5] as const, weekStartsOn: 1 as const };
const client = (id: string, name: string, hours: number | null): ClientRecord => ({
  id, name, color: '#123456', archived: false, createdAt: 0, contracts: hours === null ? [] : [{ from: '2026-01-01', period: 'week', hours }],
});
const clients = [client('dupont', 'Boulangerie Dupont', 5), client('martin', 'Fleuriste Martin', 2), client('idle', 'Client sans temps', 1)];
const s = (clientId: string | null, start: number, end: number, platform = 'facebook', activity = 'browsing'): SessionRecord => ({
  id: `${clientId}-${start}`, start, end, clientId, platform, account: null, activity, source: 'auto', createdAt: 0, updatedAt: 0,
});

describe('the week view', () => {
  const view = buildPeriodView(
    [
      s('dupont', at(23, 9), at(23, 11)),
      s('martin', at(23, 14), at(23, 14, 30), 'instagram', 'messages'),
      s(null, at(24, 9), at(24, 9, 45)),
      s('personal', at(24, 12), at(24, 12, 15)),
      s('dupont', at(29, 23), at(30, 1)),
    ],
    clients,
    weekRange(at(25, 12), 1),
    { workingDays: [...calendar.workingDays], weekStartsOn: 1 },
  );

  it('stacks each day by client', () => {
    expect(view.days.map((d) => [isoDate(d.day), d.total / MINUTE])).toEqual([
      ['2026-11-23', 150],
      ['2026-11-24', 60],
      ['2026-11-25', 0],
      ['2026-11-26', 0],
      ['2026-11-27', 0],
      ['2026-11-28', 0],
      ['2026-11-29', 60],
    ]);
    expect(Object.fromEntries(view.days[0]!.byBucket)).toEqual({ dupont: 2 * HOUR, martin: 30 * MINUTE });
  });

  it('totals each client against its contract, then personal and unassigned time', () => {
    expect(view.buckets.map((b) => [b.bucket, b.ms / MINUTE, b.progress?.state ?? null])).toEqual([
      ['dupont', 180, 'under'],
      ['martin', 30, 'under'],
      ['idle', 0, 'under'],
      ['personal', 15, null],
      [null, 45, null],
    ]);
    expect(view.total).toBe(270 * MINUTE);
  });

  it('totals by platform and by kind of activity', () => {
    expect(view.platforms.map((p) => [p.platform, p.ms / MINUTE])).toEqual([['facebook', 240], ['instagram', 30]]);
    expect(view.activities.map((a) => [a.activity, a.ms / MINUTE])).toEqual([['browsing', 240], ['messages', 30]]);
  });

  it('has every day of a month, 28 to 31 of them', () => {
    expect(buildPeriodView([], clients, monthRange(at(25, 12)), { workingDays: [1, 2, 3, 4, 5], weekStartsOn: 1 }).days).toHaveLength(30);
    expect(buildPeriodView([], clients, monthRange(new Date(2026, 1, 10).getTime()), { workingDays: [1, 2, 3, 4, 5], weekStartsOn: 1 }).days).toHaveLength(28);
  });
});
