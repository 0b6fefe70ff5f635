import { describe, expect, it } from 'vitest';
import { periodProgress } from '../../../lib/contracts/period-progress';
import { progress } from '../../../lib/contracts/progress';
import type { CalendarSettings } from '../../../lib/contracts/targets';
import type { ClientRecord, ContractTerm, SessionRecord } from '../../../lib/db/records';
import { BADGE_COLORS } from '../../../lib/reports/badge';
import { buildCockpit } from '../../../lib/reports/cockpit';
import { buildPeriodView } from '../../../lib/reports/period-view';
import { HOUR, MINUTE } from '../../../lib/time/clock';
import { dayRange, parseIsoDate, weekRange } from '../../../lib/time/calendar';

const calendar: CalendarSettings = { workingDays: [1, 2, 3, 4, 5], weekStartsOn: 1 };
const withLeave: CalendarSettings = { ...calendar, isDayOff: (iso) => iso >= '2026-11-23' && iso <= '2026-11-29' };
const day = (iso: string) => parseIsoDate(iso)!;
const client = (...contracts: ContractTerm[]): ClientRecord => ({ id: 'c', name: 'C', color: '#000000', archived: false, createdAt: 0, contracts });
const session = (start: number, end: number): SessionRecord => ({
  id: `s${start}`, start, end, clientId: 'c', platform: 'facebook', account: null, activity: 'browsing', source: 'auto', createdAt: 0, updatedAt: 0,
});
const daily = client({ from: '2026-01-01', period: 'day', hours: 2 });
const weekly = client({ from: '2026-01-01', period: 'week', hours: 10 });

describe('work on a day off', () => {
  it.each([
    ['a Saturday, daily contract', daily, dayRange(day('2026-11-28')), calendar, 30 * MINUTE, 'day-off'],
    ['a Saturday, weekly contract', weekly, dayRange(day('2026-11-28')), calendar, 30 * MINUTE, 'day-off'],
    ['a Saturday without work', weekly, dayRange(day('2026-11-28')), calendar, 0, 'under'],
    ['a day of leave', daily, dayRange(day('2026-11-25')), withLeave, HOUR, 'day-off'],
    ['a whole week of leave', weekly, weekRange(day('2026-11-25'), 1), withLeave, HOUR, 'day-off'],
    ['a working Wednesday', daily, dayRange(day('2026-11-25')), calendar, 3 * HOUR, 'over'],
    ['a week with working days', weekly, weekRange(day('2026-11-25'), 1), calendar, 30 * MINUTE, 'under'],
    ['no contract', client(), dayRange(day('2026-11-28')), calendar, 30 * MINUTE, 'none'],
  ] as const)('%s', (_name, c, range, cal, used, state) => {
    expect(periodProgress(c, used, range, cal).state).toBe(state);
  });

  it('is not over a zero target, and has a colour of its own on the badge', () => {
    expect(progress(30 * MINUTE, 0, true)).toMatchObject({ state: 'day-off', remainingMs: 0, share: null });
    expect(BADGE_COLORS['day-off']).not.toBe(BADGE_COLORS.over);
  });

  it('shows in the cockpit on a Saturday', () => {
    const now = day('2026-11-28') + 15 * HOUR;
    const [figures] = buildCockpit([], [session(day('2026-11-28') + 9 * HOUR, day('2026-11-28') + 10 * HOUR)], [weekly], calendar, now);
    expect(figures!.day.progress.state).toBe('day-off');
    expect(figures!.week.progress.state).toBe('under');
  });

  it('shows in the week view of a week of leave', () => {
    const view = buildPeriodView([session(day('2026-11-24') + 9 * HOUR, day('2026-11-24') + 10 * HOUR)], [weekly], weekRange(day('2026-11-25'), 1), withLeave);
    expect(view.buckets[0]!.progress!.state).toBe('day-off');
  });
});
