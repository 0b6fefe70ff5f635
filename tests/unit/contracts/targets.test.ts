import { describe, expect, it } from 'vitest';
import { progress } from '../../../lib/contracts/progress';
import { dailyTargetMs, targetMs, type CalendarSettings } from '../../../lib/contracts/targets';
import type { ContractTerm } from '../../../lib/db/records';
import { HOUR, MINUTE } from '../../../lib/time/clock';
import { MONDAY_TO_FRIDAY, monthRange, parseIsoDate, weekRange } from '../../../lib/time/calendar';

const calendar: CalendarSettings = { workingDays: MONDAY_TO_FRIDAY, weekStartsOn: 1 };
const day = (iso: string) => parseIsoDate(iso)!;
const client = (...contracts: ContractTerm[]) => ({ contracts });

describe('daily shares of a contract', () => {
  it.each([
    ['a daily contract on a working day', client({ from: '2026-01-01', period: 'day', hours: 1.5 }), '2026-11-25', 1.5 * HOUR],
    ['a daily contract on a Saturday', client({ from: '2026-01-01', period: 'day', hours: 1.5 }), '2026-11-28', 0],
    ['a weekly contract shared over five working days', client({ from: '2026-01-01', period: 'week', hours: 10 }), '2026-11-25', 2 * HOUR],
    // November 2026 has 21 working days, February 2026 has 20, December 2026 has 23.
    ['a monthly contract in a 30-day month', client({ from: '2026-01-01', period: 'month', hours: 42 }), '2026-11-25', 2 * HOUR],
    ['a monthly contract in a 28-day month', client({ from: '2026-01-01', period: 'month', hours: 40 }), '2026-02-10', 2 * HOUR],
    ['a monthly contract in a 31-day month', client({ from: '2026-01-01', period: 'month', hours: 46 }), '2026-12-15', 2 * HOUR],
    ['no contract yet on that day', client({ from: '2026-12-01', period: 'day', hours: 2 }), '2026-11-25', 0],
    ['a contract set to none', client({ from: '2026-01-01', period: 'none', hours: 0 }), '2026-11-25', 0],
  ])('%s', (_name, c, date, expected) => {
    expect(dailyTargetMs(c, day(date), calendar)).toBe(expected);
  });

  it('follows the working days setting', () => {
    const c = client({ from: '2026-01-01', period: 'week', hours: 12 });
    const sixDays: CalendarSettings = { workingDays: [1, 2, 3, 4, 5, 6], weekStartsOn: 1 };
    expect(dailyTargetMs(c, day('2026-11-28'), sixDays)).toBe(2 * HOUR);
  });
});

describe('targets over a period', () => {
  it('a whole month of a monthly contract is the contracted hours, whatever the month length', () => {
    for (const [iso, hours] of [['2026-02-10', 40], ['2026-11-10', 42], ['2026-12-10', 46], ['2026-04-10', 30]] as const) {
      const c = client({ from: '2025-01-01', period: 'month', hours });
      expect(targetMs(c, monthRange(day(iso)), calendar)).toBe(hours * HOUR);
    }
  });

  it('a contract changed mid-week judges the days before by the old one', () => {
    // 10 h a week until Tuesday 24 Nov, 20 h a week from Wednesday 25: 2 × 2 h + 3 × 4 h.
    const c = client({ from: '2026-01-01', period: 'week', hours: 10 }, { from: '2026-11-25', period: 'week', hours: 20 });
    expect(targetMs(c, weekRange(day('2026-11-25'), 1), calendar)).toBe(16 * HOUR);
  });

  it('a week that starts on Sunday shares the same contract over the same working days', () => {
    const c = client({ from: '2026-01-01', period: 'week', hours: 10 });
    expect(targetMs(c, weekRange(day('2026-11-25'), 0), { ...calendar, weekStartsOn: 0 })).toBe(10 * HOUR);
  });

  it('is null when no contract applies', () => {
    expect(targetMs(client(), weekRange(day('2026-11-25'), 1), calendar)).toBeNull();
  });

  it('survives the daylight-saving change (a 23-hour day in the week)', () => {
    const c = client({ from: '2026-01-01', period: 'day', hours: 1 });
    // In any time zone, the week of 29 March 2026 has five working days.
    expect(targetMs(c, weekRange(day('2026-03-29'), 1), calendar)).toBe(5 * HOUR);
  });
});

describe('progress against a contract', () => {
  it.each([
    [30 * MINUTE, 2 * HOUR, 'under', 90 * MINUTE],
    [96 * MINUTE, 2 * HOUR, 'near', 24 * MINUTE],
    [2 * HOUR, 2 * HOUR, 'near', 0],
    [2 * HOUR + 1, 2 * HOUR, 'over', 0],
    [10 * MINUTE, null, 'none', null],
    [0, 0, 'under', 0],
    [5, 0, 'over', 0],
  ] as const)('%i ms used of %s → %s', (used, target, state, remaining) => {
    expect(progress(used, target)).toMatchObject({ state, remainingMs: remaining });
  });
});
