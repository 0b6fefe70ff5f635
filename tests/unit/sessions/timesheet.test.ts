import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../lib/db/records';
import { clientTotals, rangeOf, selectionState, timesheetDays, visibleSelection, withSelected } from '../../../lib/sessions/timesheet';
import { dayRange } from '../../../lib/time/calendar';
import { HOUR, MINUTE } from '../../../lib/time/clock';

const day = (d: number) => new Date(2026, 10, d).getTime();
const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).getTime();
const week = { from: day(23), to: day(30) };

function session(id: string, start: number, end: number, clientId: string | null): SessionRecord {
  return { id, start, end, clientId, platform: 'facebook', account: 'x', activity: 'browsing', source: 'auto', createdAt: start, updatedAt: end };
}

describe('the timesheet by day', () => {
  const sessions = [
    session('late', at(24, 16), at(24, 16, 30), 'dupont'),
    session('early', at(24, 9), at(24, 10), 'martin'),
    session('mid', at(24, 11), at(24, 11, 15), 'dupont'),
    session('none', at(24, 12), at(24, 12, 5), null),
    session('tue', at(25, 9), at(25, 9, 40), 'dupont'),
  ];

  it('lists each day once, its sessions by start, with the day total and a subtotal per client', () => {
    const days = timesheetDays(sessions, week);
    expect(days.map((d) => d.day)).toEqual([day(24), day(25)]);
    expect(days[0]!.sessions.map((s) => s.id)).toEqual(['early', 'mid', 'none', 'late']);
    expect(days[0]!.ms).toBe(HOUR + 50 * MINUTE);
    expect(days[0]!.clients).toEqual([
      { clientId: 'martin', ms: HOUR },
      { clientId: 'dupont', ms: 45 * MINUTE },
      { clientId: null, ms: 5 * MINUTE },
    ]);
    expect(clientTotals(days)).toEqual([
      { clientId: 'dupont', ms: 85 * MINUTE },
      { clientId: 'martin', ms: HOUR },
      { clientId: null, ms: 5 * MINUTE },
    ]);
  });

  it('counts whole seconds inside the period, and lists a session across midnight once, on its first day', () => {
    const night = session('night', at(24, 23, 30) + 400, at(25, 0, 30) + 900, 'dupont');
    const days = timesheetDays([night], week);
    expect(days.map((d) => [d.day, d.sessions.length, d.ms])).toEqual([[day(24), 1, HOUR]]);
    // Begun before the period: listed on the period's first day, counted from its start.
    const before = session('before', at(22, 23), at(23, 1), 'dupont');
    expect(timesheetDays([before], week).map((d) => [d.day, d.ms])).toEqual([[dayRange(week.from).from, HOUR]]);
  });
});

describe('selecting sessions', () => {
  const order = ['a', 'b', 'c', 'd', 'e'];

  it('adds and removes ids, and a shift-click takes the range from the anchor either way', () => {
    const some = withSelected(new Set(['a']), ['c', 'd'], true);
    expect([...some]).toEqual(['a', 'c', 'd']);
    expect([...withSelected(some, ['a', 'd'], false)]).toEqual(['c']);
    expect(rangeOf(order, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(rangeOf(order, 'd', 'b')).toEqual(['b', 'c', 'd']);
    expect(rangeOf(order, null, 'c')).toEqual(['c']);
    expect(rangeOf(order, 'gone', 'c')).toEqual(['c']);
  });

  it('says whether a whole day is selected, and keeps only what is still shown', () => {
    expect(selectionState(new Set(['a', 'b']), ['a', 'b'])).toBe('all');
    expect(selectionState(new Set(['a']), ['a', 'b'])).toBe('some');
    expect(selectionState(new Set(['z']), ['a', 'b'])).toBe('none');
    expect([...visibleSelection(new Set(['a', 'gone', 'c']), order)]).toEqual(['a', 'c']);
  });
});
