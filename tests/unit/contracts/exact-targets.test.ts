import { describe, expect, it } from 'vitest';
import { progress } from '../../../lib/contracts/progress';
import { contractMinutes, dailyTargetMs, targetMs, type CalendarSettings } from '../../../lib/contracts/targets';
import type { ContractTerm } from '../../../lib/db/records';
import { contractAlerts } from '../../../lib/reports/cockpit';
import { HOUR, MINUTE } from '../../../lib/time/clock';
import { daysIn, MONDAY_TO_FRIDAY, monthRange, parseIsoDate, weekRange } from '../../../lib/time/calendar';
import { intBetween, randomHours, randomMonth, randomWorkingDays, seeded } from './random-months';

const calendar: CalendarSettings = { workingDays: MONDAY_TO_FRIDAY, weekStartsOn: 1 };
const day = (iso: string) => parseIsoDate(iso)!;
const client = (...contracts: ContractTerm[]) => ({ id: 'c', name: 'C', color: '#000000', archived: false, createdAt: 0, contracts });
const months = Array.from({ length: 24 }, (_, i) => new Date(2026, i, 1).getTime());

describe('contracted hours in whole minutes', () => {
  it.each([
    [1.5, 90],
    [7.25, 435],
    [1 / 3, 20],
    // Rounded to the nearest minute: 0.01 h is 36 s, 0.005 h is 18 s.
    [0.01, 1],
    [0.005, 0],
    [200, 12_000],
    [80 / 60, 80],
  ])('%f h is %i min', (hours, minutes) => {
    expect(contractMinutes({ hours })).toBe(minutes);
  });
});

describe('daily shares in whole minutes', () => {
  it.each([
    // 100 min over 3 working days of a week (Wednesday 25 Nov 2026 in a Mon–Wed week): 34, 33, 33.
    ['first day of the week takes the spare minute', '2026-11-23', 34],
    ['second day', '2026-11-24', 33],
    ['third day', '2026-11-25', 33],
  ])('%s', (_name, iso, minutes) => {
    const c = client({ from: '2026-01-01', period: 'week', hours: 100 / 60 });
    expect(dailyTargetMs(c, day(iso), { workingDays: [1, 2, 3], weekStartsOn: 1 })).toBe(minutes * MINUTE);
  });

  it('every share is a whole number of minutes', () => {
    const c = client({ from: '2026-01-01', period: 'month', hours: 1 });
    for (const d of daysIn(monthRange(day('2026-11-01')))) expect(dailyTargetMs(c, d, calendar) % MINUTE).toBe(0);
  });
});

describe('exactly the contracted time', () => {
  it('a whole month of every month × 1–200 h sums to the contracted minutes and is not over', () => {
    const wrong: string[] = [];
    for (const month of months) {
      for (let hours = 1; hours <= 200; hours++) {
        const c = client({ from: '2025-01-01', period: 'month', hours });
        const target = targetMs(c, monthRange(month), calendar);
        if (target !== hours * HOUR || progress(hours * HOUR, target).state !== 'near') wrong.push(`${new Date(month).toISOString()} ${hours} h`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the 100 % notification fires at exactly the contracted time of every month × 1–100 h', () => {
    const silent: string[] = [];
    for (const month of months) {
      const now = month + 15 * 24 * HOUR;
      const range = monthRange(now);
      for (let hours = 1; hours <= 100; hours++) {
        const c = client({ from: '2025-01-01', period: 'month', hours });
        const sessions = [{ start: range.from + HOUR, end: range.from + HOUR + hours * HOUR, clientId: 'c' }];
        if (!contractAlerts(c, sessions, calendar, now, new Set()).some((a) => a.threshold === 100)) silent.push(`${new Date(month).toISOString()} ${hours} h`);
      }
    }
    expect(silent).toEqual([]);
  });

  it.each([
    ['a millisecond under 80 %', 48 * MINUTE - 1, []],
    ['exactly 80 %', 48 * MINUTE, [80]],
    ['a millisecond under 100 %', HOUR - 1, [80]],
    ['exactly 100 %', HOUR, [80, 100]],
  ] as const)('notifications at %s of a 1-hour day', (_name, used, thresholds) => {
    const c = client({ from: '2026-01-01', period: 'day', hours: 1 });
    const now = day('2026-11-25') + 20 * HOUR;
    const sessions = [{ start: day('2026-11-25') + 8 * HOUR, end: day('2026-11-25') + 8 * HOUR + used, clientId: 'c' }];
    expect(contractAlerts(c, sessions, calendar, now, new Set()).map((a) => a.threshold)).toEqual(thresholds);
  });

  it.each([
    ['80 % of a 7-minute target is near', 336_000, 7 * MINUTE, 'near'],
    ['a millisecond less is under', 335_999, 7 * MINUTE, 'under'],
    ['the target exactly is near, and 100 %', 7 * MINUTE, 7 * MINUTE, 'near'],
    ['a millisecond more is over', 7 * MINUTE + 1, 7 * MINUTE, 'over'],
  ] as const)('%s', (_name, used, target, state) => {
    expect(progress(used, target).state).toBe(state);
  });
});

describe('properties over random months', () => {
  it('the daily shares of a weekly or monthly contract add up to exactly its minutes', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const random = seeded(seed);
      const cal: CalendarSettings = { workingDays: randomWorkingDays(random), weekStartsOn: intBetween(random, 0, 6) as 0 };
      const hours = randomHours(random);
      const period = random() < 0.5 ? 'week' : 'month';
      const c = client({ from: '2025-01-01', period, hours });
      const at = randomMonth(random) + intBetween(random, 0, 27) * 24 * HOUR + 12 * HOUR;
      const range = period === 'week' ? weekRange(at, cal.weekStartsOn) : monthRange(at);
      const sum = daysIn(range).reduce((total, d) => total + dailyTargetMs(c, d, cal), 0);
      expect(sum, `seed ${seed}`).toBe(Math.round(hours * 60) * MINUTE);
      expect(targetMs(c, range, cal), `seed ${seed}`).toBe(sum);
      expect(progress(sum, sum), `seed ${seed}`).toMatchObject({ state: 'near', share: 1, remainingMs: 0 });
      expect(progress(sum + 1, sum).state, `seed ${seed}`).toBe('over');
    }
  });
});
