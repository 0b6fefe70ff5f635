import { describe, expect, it } from 'vitest';
import { splitByDay } from '../../../lib/reports/day-split';
import { roundUp } from '../../../lib/reports/rounding';
import { HOUR, MINUTE } from '../../../lib/time/clock';
import { daysIn, isoDate, monthRange, parseIsoDate, weekRange } from '../../../lib/time/calendar';
import { localIso } from '../../../lib/time/local-iso';

const zone = process.env.TZ;
// The two daylight-saving changes of 2026 in the zone the test runs in.
const changes = zone === 'America/New_York' ? { spring: '2026-03-08', autumn: '2026-11-01' } : { spring: '2026-03-29', autumn: '2026-10-25' };

describe(`local days in ${zone}`, () => {
  it('runs in the zone it says', () => {
    expect(['Europe/Paris', 'America/New_York']).toContain(zone);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
  });

  it('has a 23-hour day in spring and a 25-hour day in autumn', () => {
    const spring = parseIsoDate(changes.spring)!;
    const autumn = parseIsoDate(changes.autumn)!;
    expect(parseIsoDate('2026-03-30')! - parseIsoDate('2026-03-29')!).toBe(zone === 'Europe/Paris' ? 23 * HOUR : 24 * HOUR);
    expect(daysIn({ from: spring, to: spring + 23 * HOUR })).toEqual([spring]);
    expect(daysIn({ from: autumn, to: autumn + 25 * HOUR })).toEqual([autumn]);
  });

  it('splits a session across midnight at local midnight, whatever the offset', () => {
    const start = parseIsoDate(changes.autumn)! - 30 * MINUTE;
    const pieces = splitByDay({ start, end: start + 3 * HOUR }, { from: 0, to: Infinity });
    expect(pieces.map((p) => [isoDate(p.day), (p.end - p.start) / MINUTE])).toEqual([
      [isoDate(start), 30],
      [changes.autumn, 150],
    ]);
  });

  it('writes local times with their offset, which changes with the season', () => {
    const winter = localIso(new Date(2026, 0, 15, 9, 15, 3).getTime());
    const summer = localIso(new Date(2026, 6, 15, 9, 15, 3).getTime());
    expect(winter).toBe(zone === 'Europe/Paris' ? '2026-01-15T09:15:03+01:00' : '2026-01-15T09:15:03-05:00');
    expect(summer).toBe(zone === 'Europe/Paris' ? '2026-07-15T09:15:03+02:00' : '2026-07-15T09:15:03-04:00');
  });

  it('honours the week start', () => {
    const wednesday = parseIsoDate('2026-11-25')!;
    expect(isoDate(weekRange(wednesday, 1).from)).toBe('2026-11-23');
    expect(isoDate(weekRange(wednesday, 0).from)).toBe('2026-11-22');
    expect(isoDate(weekRange(wednesday, 6).from)).toBe('2026-11-21');
    const autumnWeek = weekRange(parseIsoDate(changes.autumn)!, 1);
    expect(daysIn(autumnWeek)).toHaveLength(7);
    expect(isoDate(monthRange(wednesday).to)).toBe('2026-12-01');
  });
});

describe('rounding', () => {
  it.each([
    [0, 15, 0],
    [1, 15, 15 * MINUTE],
    [15 * MINUTE, 15, 15 * MINUTE],
    [16 * MINUTE, 15, 30 * MINUTE],
    [61 * MINUTE, 6, 66 * MINUTE],
    [61 * MINUTE, 0, 61 * MINUTE],
  ])('%i ms up to %i min → %i', (ms, increment, expected) => expect(roundUp(ms, increment)).toBe(expected));
});
