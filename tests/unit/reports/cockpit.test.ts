import { describe, expect, it } from 'vitest';
import type { CalendarSettings } from '../../../lib/contracts/targets';
import type { ClientRecord, SessionRecord } from '../../../lib/db/records';
import { badgeText } from '../../../lib/reports/badge';
import { totalsOfDay } from '../../../lib/db/day-totals';
import { buildCockpit, cockpitRange, contractAlerts, usedMs } from '../../../lib/reports/cockpit';
import { dayRange, daysIn } from '../../../lib/time/calendar';
import { HOUR, MINUTE } from '../../../lib/time/clock';

const calendar: CalendarSettings = { workingDays: [1, 2, 3, 4, 5], weekStartsOn: 1 };
// Wednesday 25 November 2026, 16:00 local.
const now = new Date(2026, 10, 25, 16).getTime();
const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).getTime();

const dupont: ClientRecord = {
  id: 'dupont', name: 'Boulangerie Dupont', color: '#c2410c', archived: false, createdAt: 0,
  contracts: [{ from: '2026-01-01', period: 'day', hours: 1.5 }], hourlyRate: 40, currency: 'EUR', roundingMinutes: 0,
};
const martin: ClientRecord = {
  id: 'martin', name: 'Fleuriste Martin', color: '#15803d', archived: false, createdAt: 0,
  contracts: [{ from: '2026-01-01', period: 'week', hours: 5 }], hourlyRate: null, currency: 'EUR', roundingMinutes: 0,
};
const archived: ClientRecord = { ...martin, id: 'old', name: 'Ancien client', archived: true };

function s(clientId: string | null, start: number, end: number): SessionRecord {
  return { id: `${clientId}-${start}`, start, end, clientId, platform: 'facebook', account: null, activity: 'browsing', source: 'auto', createdAt: 0, updatedAt: 0 };
}

const sessions = [
  s('dupont', at(25, 9), at(25, 10, 15)), // today 75 min
  s('dupont', at(24, 9), at(24, 10)), // yesterday 60 min
  s('martin', at(23, 14), at(23, 16)), // Monday 2 h
  s('martin', at(25, 11), at(25, 11, 30)), // today 30 min
  s(null, at(25, 12), at(25, 13)),
  s('dupont', at(2, 9), at(2, 10)), // earlier this month, previous week
];

describe('the cockpit', () => {
  it('gives today, this week and this month against the contract for each active client', () => {
    // The past days as the background keeps them, today from its sessions.
    const today = dayRange(now).from;
    const pastDays = daysIn(cockpitRange(now, calendar)).filter((d) => d < today).map((d) => totalsOfDay(sessions, d));
    const cockpit = buildCockpit(pastDays, sessions, [dupont, martin, archived], calendar, now);
    expect(cockpit.map((c) => c.client.id)).toEqual(['dupont', 'martin']);
    const [d, m] = cockpit;
    expect(d!.day.progress).toMatchObject({ usedMs: 75 * MINUTE, targetMs: 90 * MINUTE, remainingMs: 15 * MINUTE, state: 'near' });
    expect(d!.week.progress).toMatchObject({ usedMs: 135 * MINUTE, targetMs: 5 * 90 * MINUTE, state: 'under' });
    // November 2026: 21 working days of 1.5 h.
    expect(d!.month.progress).toMatchObject({ usedMs: 195 * MINUTE, targetMs: 21 * 90 * MINUTE });
    expect(d!.day.valueCents).toBe(5000);
    expect(m!.day.progress).toMatchObject({ usedMs: 30 * MINUTE, targetMs: HOUR, state: 'under' });
    expect(m!.week.progress).toMatchObject({ usedMs: 150 * MINUTE, targetMs: 5 * HOUR });
    expect(m!.day.valueCents).toBeNull();
  });
});

describe('the cockpit in whole seconds', () => {
  it('counts today as the past days, the views and the report do: each piece from its truncated start to its truncated end', () => {
    const today = [s('dupont', at(25, 9) + 999, at(25, 9, 1)), s('dupont', at(25, 10) + 100, at(25, 10) + 900)];
    const [d] = buildCockpit([], today, [dupont], calendar, now);
    expect(d!.day.progress.usedMs).toBe(60_000);
    expect(usedMs(today, 'dupont', dayRange(now))).toBe(60_000);
    expect(totalsOfDay(today, dayRange(now).from).byClient).toEqual({ dupont: 60_000 });
  });
});

describe("the cockpit's value", () => {
  it('is in whole cents, halves rounded up: 6 min at 10.35 an hour is 1.04', () => {
    const [d] = buildCockpit([], [s('dupont', at(25, 9), at(25, 9, 6))], [{ ...dupont, hourlyRate: 10.35 }], calendar, now);
    expect(d!.day.valueCents).toBe(104);
  });
});

describe('contract notifications', () => {
  it('announces 80 % and 100 % once per period each', () => {
    const near = contractAlerts(dupont, sessions, calendar, now, new Set());
    expect(near.map((a) => [a.threshold, a.key])).toEqual([[80, 'dupont:day:2026-11-25:80']]);
    const over = [...sessions, s('dupont', at(25, 14), at(25, 14, 20))];
    expect(contractAlerts(dupont, over, calendar, now, new Set(['dupont:day:2026-11-25:80'])).map((a) => a.threshold)).toEqual([100]);
    expect(contractAlerts(dupont, over, calendar, now, new Set(['dupont:day:2026-11-25:80', 'dupont:day:2026-11-25:100']))).toEqual([]);
  });

  it('uses the week of a weekly contract', () => {
    const busy = [...sessions, s('martin', at(24, 9), at(24, 10, 30))];
    expect(contractAlerts(martin, busy, calendar, now, new Set()).map((a) => a.key)).toEqual(['martin:week:2026-11-23:80']);
  });
});

describe('badge text', () => {
  it.each([
    [0, '0m'],
    [7 * MINUTE, '7m'],
    [59 * MINUTE, '59m'],
    [65 * MINUTE, '1h05'],
    [12 * HOUR, '12h'],
  ])('%i ms → %s', (ms, text) => expect(badgeText(ms)).toBe(text));
});
