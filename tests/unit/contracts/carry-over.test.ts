import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ClientSchema } from '../../../lib/schema/client';
import { carriedMs, carryPeriods } from '../../../lib/contracts/carry-over';
import { periodProgress } from '../../../lib/contracts/period-progress';
import { targetMs, type CalendarSettings } from '../../../lib/contracts/targets';
import { totalsOfDay } from '../../../lib/db/day-totals';
import type { ClientRecord, ContractTerm, SessionRecord } from '../../../lib/db/records';
import { buildClientReport } from '../../../lib/reports/client-report';
import { buildCockpit, cockpitRange, contractAlerts } from '../../../lib/reports/cockpit';
import { buildPeriodView, usedByClient } from '../../../lib/reports/period-view';
import { HOUR, MINUTE } from '../../../lib/time/clock';
import { dayRange, daysIn, isoDate, monthRange, parseIsoDate, weekRange } from '../../../lib/time/calendar';
import { intBetween, randomHours, randomMonth, randomWorkingDays, seeded } from './random-months';

const calendar: CalendarSettings = { workingDays: [1, 2, 3, 4, 5], weekStartsOn: 1 };
const day = (iso: string) => parseIsoDate(iso)!;
const client = (...contracts: ContractTerm[]): ClientRecord => ({ id: 'c', name: 'C', color: '#000000', archived: false, createdAt: 0, contracts });
const carry = (capHours: number) => ({ enabled: true, capMinutes: capHours * 60 });
const weekly = client({ from: '2026-01-01', period: 'week', hours: 10, carryOver: carry(2) });
// Wednesday 25 November 2026; the previous week is 16–22 November.
const now = day('2026-11-25') + 15 * HOUR;
const session = (start: number, end: number): SessionRecord => ({
  id: `s${start}`, start, end, clientId: 'c', platform: 'facebook', account: null, activity: 'browsing', source: 'auto', createdAt: 0, updatedAt: 0,
});

describe('time carried over from the previous period', () => {
  it.each([
    ['1 h unused, under the cap', weekly, 9 * HOUR, HOUR],
    ['5 h unused, capped at 2 h', weekly, 5 * HOUR, 2 * HOUR],
    ['all used', weekly, 10 * HOUR, 0],
    ['more than contracted: never a negative carry', weekly, 11 * HOUR, 0],
    ['30 s short of a whole minute: whole minutes only', weekly, 9 * HOUR + 30_000, 59 * MINUTE],
    ['carry-over off', client({ from: '2026-01-01', period: 'week', hours: 10, carryOver: { enabled: false, capMinutes: 120 } }), 0, 0],
    ['no carry-over set', client({ from: '2026-01-01', period: 'week', hours: 10 }), 0, 0],
    ['a term that began during the previous week', client({ from: '2026-11-18', period: 'week', hours: 10, carryOver: carry(2) }), 0, 0],
    ['a new term this week', client({ from: '2026-01-01', period: 'week', hours: 10, carryOver: carry(2) }, { from: '2026-11-23', period: 'week', hours: 12, carryOver: carry(2) }), 0, 0],
    ['a daily contract does not carry over', client({ from: '2026-01-01', period: 'day', hours: 2, carryOver: carry(2) }), 0, 0],
  ] as const)('%s', (_name, c, previousUsed, carried) => {
    expect(carriedMs(c, now, calendar, previousUsed)).toBe(carried);
  });

  it('a monthly contract carries from the previous month', () => {
    const monthly = client({ from: '2026-01-01', period: 'month', hours: 40, carryOver: carry(5) });
    expect(carryPeriods(monthly, now, calendar)).toMatchObject({ range: monthRange(now), previous: monthRange(day('2026-10-15')) });
    expect(carriedMs(monthly, now, calendar, 37 * HOUR)).toBe(3 * HOUR);
  });

  it('counts one period back only: the previous period’s own target, not what it carried', () => {
    // Nothing was used for two weeks: the carry is still the previous week's unused time, capped, never 2 weeks' worth.
    expect(carriedMs(client({ from: '2026-01-01', period: 'week', hours: 10, carryOver: carry(40) }), now, calendar, 0)).toBe(10 * HOUR);
  });

  it('adds to the period target, and exactly the target with the carry is 100 %, not over', () => {
    const range = weekRange(now, 1);
    const p = periodProgress(weekly, 12 * HOUR, range, calendar, 2 * HOUR);
    expect(p).toMatchObject({ targetMs: 12 * HOUR, carriedMs: 2 * HOUR, state: 'near', remainingMs: 0 });
    expect(periodProgress(weekly, 12 * HOUR + 1, range, calendar, 2 * HOUR).state).toBe('over');
  });
});

describe('carry-over where the period target is shown', () => {
  // Previous week (16–22 Nov): 9 h used of 10. This week: 3 h so far.
  const sessions = [session(day('2026-11-17') + 9 * HOUR, day('2026-11-17') + 18 * HOUR), session(day('2026-11-23') + 9 * HOUR, day('2026-11-23') + 12 * HOUR)];

  it('the cockpit week includes it, from per-day totals that reach back one period', () => {
    const today = dayRange(now).from;
    const range = cockpitRange(now, calendar);
    expect(range.from).toBeLessThanOrEqual(weekRange(day('2026-11-18'), 1).from);
    expect(range.from).toBeLessThanOrEqual(monthRange(day('2026-10-15')).from);
    const pastDays = daysIn(range).filter((d) => d < today).map((d) => totalsOfDay(sessions, d));
    const [figures] = buildCockpit(pastDays, [], [weekly], calendar, now);
    expect(figures!.week.progress).toMatchObject({ usedMs: 3 * HOUR, targetMs: 11 * HOUR, carriedMs: HOUR });
    expect(figures!.day.progress.carriedMs).toBe(0);
  });

  it('the notifications count it: 100 % at the target with the carry', () => {
    const at = (used: number) => [...sessions, session(day('2026-11-24') + 8 * HOUR, day('2026-11-24') + 8 * HOUR + used)];
    // 3 h + 7 h = the own 10 h: 91 % of 11 h.
    expect(contractAlerts(weekly, at(7 * HOUR), calendar, now, new Set()).map((a) => a.threshold)).toEqual([80]);
    expect(contractAlerts(weekly, at(8 * HOUR), calendar, now, new Set()).map((a) => a.threshold)).toEqual([80, 100]);
  });

  it('the week view includes it when given the previous week’s time', () => {
    const previous = usedByClient(sessions, weekRange(day('2026-11-18'), 1));
    expect(previous).toEqual(new Map([['c', 9 * HOUR]]));
    const view = buildPeriodView(sessions, [weekly], weekRange(now, 1), calendar, previous);
    expect(view.buckets[0]!.progress).toMatchObject({ targetMs: 11 * HOUR, carriedMs: HOUR });
  });

  it('the client report of that week says the same as the week view', () => {
    const week = weekRange(now, 1);
    const previous = usedByClient(sessions, weekRange(day('2026-11-18'), 1)).get('c');
    const report = buildClientReport(sessions, weekly, week, calendar, previous);
    const view = buildPeriodView(sessions, [weekly], week, calendar, new Map([['c', previous!]]));
    expect(report.progress).toEqual(view.buckets[0]!.progress);
    expect(report.progress.carriedMs).toBe(HOUR);
  });

  it.each([
    ['a month view of a weekly contract', monthRange(now), new Map([['c', 0]])],
    ['the previous week’s time unknown', weekRange(now, 1), undefined],
  ])('nothing is carried in %s', (_name, range, previous) => {
    expect(buildPeriodView(sessions, [weekly], range, calendar, previous).buckets[0]!.progress!.carriedMs).toBe(0);
  });
});

describe('carry-over in backups', () => {
  it('is kept by the client schema, and a bad cap refused', () => {
    expect(v.parse(ClientSchema, weekly).contracts).toEqual(weekly.contracts);
    const bad = client({ from: '2026-01-01', period: 'week', hours: 10, carryOver: { enabled: true, capMinutes: 1.5 } });
    expect(v.safeParse(ClientSchema, bad).success).toBe(false);
  });
});

describe('properties over random months', () => {
  it('the carry is whole minutes, within the cap and the unused time, and never compounds', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = seeded(seed);
      const cal: CalendarSettings = { workingDays: randomWorkingDays(random), weekStartsOn: intBetween(random, 0, 6) as 0 };
      const hours = randomHours(random);
      const capMinutes = intBetween(random, 0, 200 * 60);
      const period = random() < 0.5 ? 'week' : 'month';
      const c = client({ from: '2025-01-01', period, hours, carryOver: { enabled: true, capMinutes } });
      const at = randomMonth(random) + intBetween(random, 0, 27) * 24 * HOUR + 12 * HOUR;
      const periods = carryPeriods(c, at, cal)!;
      const previousTarget = targetMs(c, periods.previous, cal)!;
      const previousUsed = intBetween(random, 0, 2 * previousTarget + 1);
      const carried = carriedMs(c, at, cal, previousUsed);
      expect(carried % MINUTE, `seed ${seed}`).toBe(0);
      expect(carried, `seed ${seed}`).toBeGreaterThanOrEqual(0);
      expect(carried, `seed ${seed}`).toBeLessThanOrEqual(Math.min(capMinutes * MINUTE, Math.max(0, previousTarget - previousUsed)));
      expect(carried, `seed ${seed}`).toBe(Math.min(capMinutes, Math.max(0, Math.floor((previousTarget - previousUsed) / MINUTE))) * MINUTE);
      const own = targetMs(c, periods.range, cal)!;
      expect(periodProgress(c, own + carried, periods.range, cal, carried), `seed ${seed}`).toMatchObject({ targetMs: own + carried, state: own + carried === 0 ? 'under' : 'near' });
      expect(isoDate(periods.previous.to), `seed ${seed}`).toBe(isoDate(periods.range.from));
    }
  });
});
