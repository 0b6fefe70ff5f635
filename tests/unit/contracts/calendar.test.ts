import { describe, expect, it } from 'vitest';
import { calendarFromSettings } from '../../../lib/contracts/calendar';
import { publicHolidays } from '../../../lib/contracts/holidays';
import { dailyTargetMs, targetMs, type CalendarSettings } from '../../../lib/contracts/targets';
import type { ContractTerm } from '../../../lib/db/records';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/settings';
import { HOUR, MINUTE } from '../../../lib/time/clock';
import { daysIn, isoDate, monthRange, parseIsoDate, weekRange } from '../../../lib/time/calendar';
import { intBetween, randomHours, randomMonth, randomWorkingDays, seeded } from './random-months';

const day = (iso: string) => parseIsoDate(iso)!;
const client = (...contracts: ContractTerm[]) => ({ contracts });
const settings = (change: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...change });

describe('public holidays from date-holidays', () => {
  it.each([
    ['France: Easter Monday', 'FR', '', '2026-04-06', true],
    ['France: Ascension (Easter + 39)', 'FR', '', '2026-05-14', true],
    ['France: Whit Monday', 'FR', '', '2026-05-25', true],
    ['France: Armistice', 'FR', '', '2026-11-11', true],
    ['France: an ordinary Thursday', 'FR', '', '2026-11-12', false],
    ['France: Mothers’ Day is an observance, not a day off', 'FR', '', '2026-05-31', false],
    ['France: Good Friday only in Moselle', 'FR', '', '2026-04-03', false],
    ['Moselle: Good Friday', 'FR', '57', '2026-04-03', true],
    ['Bavaria: Epiphany', 'DE', 'BY', '2026-01-06', true],
    ['Germany without a region: no Epiphany', 'DE', '', '2026-01-06', false],
    ['Bavaria: Buß- und Bettag is a school holiday only', 'DE', 'BY', '2026-11-18', false],
    ['Easter Monday 2027', 'FR', '', '2027-03-29', true],
  ])('%s', (_name, country, region, iso, off) => {
    expect(publicHolidays(country, region, Number(iso.slice(0, 4))).has(iso)).toBe(off);
  });

  it('an unknown region falls back to the country', () => {
    expect(publicHolidays('FR', 'XX', 2026)).toEqual(publicHolidays('FR', '', 2026));
  });
});

describe('the calendar built from the settings', () => {
  it.each([
    ['a French public holiday', {}, '2026-05-14', true],
    ['no holidays chosen', { holidayCountry: 'none' }, '2026-05-14', false],
    ['the first day of a leave', { leave: [{ from: '2026-08-03', to: '2026-08-14' }] }, '2026-08-03', true],
    ['the last day of a leave', { leave: [{ from: '2026-08-03', to: '2026-08-14' }] }, '2026-08-14', true],
    ['the day after a leave', { leave: [{ from: '2026-08-03', to: '2026-08-14' }] }, '2026-08-17', false],
    ['a one-day leave', { leave: [{ from: '2026-12-24', to: '2026-12-24' }] }, '2026-12-24', true],
  ] as Array<[string, Partial<Settings>, string, boolean]>)('%s', (_name, change, iso, off) => {
    expect(calendarFromSettings(settings(change)).isDayOff!(iso)).toBe(off);
  });

  it('is the same object for the same settings, so that its working days are counted once', () => {
    const s = settings({});
    expect(calendarFromSettings(s)).toBe(calendarFromSettings(s));
  });

  it('takes holidays out of the daily shares and gives their share to the other working days', () => {
    // May 2026 in France: 21 weekdays, 4 of them holidays (1, 8, 14 and 25 May): 17 working days.
    const calendar = calendarFromSettings(settings({}));
    const c = client({ from: '2026-01-01', period: 'month', hours: 17 });
    expect(dailyTargetMs(c, day('2026-05-14'), calendar)).toBe(0);
    expect(dailyTargetMs(c, day('2026-05-13'), calendar)).toBe(HOUR);
    expect(targetMs(c, monthRange(day('2026-05-13')), calendar)).toBe(17 * HOUR);
  });

  it('a daily contract is not due on a day of leave', () => {
    const calendar = calendarFromSettings(settings({ leave: [{ from: '2026-11-23', to: '2026-11-24' }] }));
    expect(targetMs(client({ from: '2026-01-01', period: 'day', hours: 2 }), weekRange(day('2026-11-25'), 1), calendar)).toBe(3 * 2 * HOUR);
  });
});

describe('properties over random months with days off', () => {
  it('the days of a period add up to exactly the contracted minutes, or to nothing when every day is off', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const random = seeded(seed);
      const month = randomMonth(random);
      const offChance = random() < 0.1 ? 1 : random() * 0.6;
      const off = new Set(daysIn(monthRange(month)).filter(() => random() < offChance).map(isoDate));
      const calendar: CalendarSettings = { workingDays: randomWorkingDays(random), weekStartsOn: intBetween(random, 0, 6) as 0, isDayOff: (iso) => off.has(iso) };
      const hours = randomHours(random);
      const period = random() < 0.5 ? 'week' : 'month';
      const c = client({ from: '2025-01-01', period, hours });
      const range = period === 'week' ? weekRange(month + intBetween(random, 0, 20) * 24 * HOUR + 12 * HOUR, calendar.weekStartsOn) : monthRange(month);
      const days = daysIn(range);
      const working = days.filter((d) => calendar.workingDays.includes(new Date(d).getDay() as 0) && !off.has(isoDate(d)));
      const shares = days.map((d) => dailyTargetMs(c, d, calendar));
      const sum = shares.reduce((a, b) => a + b, 0);
      expect(sum, `seed ${seed}`).toBe(working.length > 0 ? Math.round(hours * 60) * MINUTE : 0);
      expect(days.filter((d, i) => shares[i]! > 0 && !working.includes(d)), `seed ${seed}`).toEqual([]);
      // Shares differ by one minute at most: the spare minutes go one each to the first days.
      const due = working.map((d) => shares[days.indexOf(d)]!);
      if (due.length > 0) expect(Math.max(...due) - Math.min(...due), `seed ${seed}`).toBeLessThanOrEqual(MINUTE);
    }
  });
});
