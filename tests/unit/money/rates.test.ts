import { describe, expect, it } from 'vitest';
import type { ClientRecord, SessionRecord } from '../../../lib/db/records';
import { amountCents } from '../../../lib/money/cents';
import { amountOfDays, amountsByRate, rateOn, withRate } from '../../../lib/money/rates';
import { buildPeriodView } from '../../../lib/reports/period-view';
import { HOUR, MINUTE } from '../../../lib/time/clock';
import { monthRange, parseIsoDate } from '../../../lib/time/calendar';

const day = (iso: string) => parseIsoDate(iso)!;
const calendar = { workingDays: [1, 2, 3, 4, 5] as const, weekStartsOn: 1 as const, isDayOff: () => false };
const base: ClientRecord = { id: 'c', name: 'C', color: '#000000', archived: false, createdAt: 0, hourlyRate: 40, currency: 'EUR' };

describe('rates from a date', () => {
  const changed = { ...base, hourlyRate: 50, rates: withRate(base, '2026-11-16', 50) };

  it.each([
    ['before the change', '2026-11-15', 40],
    ['on the day of the change', '2026-11-16', 50],
    ['after it', '2026-12-01', 50],
  ])('%s the rate in force is %s', (_name, date, rate) => {
    expect(rateOn(changed, date)).toBe(rate);
  });

  it('a client whose rate never changed has no history: its rate applies every day', () => {
    expect(base.rates).toBeUndefined();
    expect(rateOn(base, '2000-01-01')).toBe(40);
  });

  it('a rate already in force changes nothing; one from the same date replaces it', () => {
    expect(withRate(changed, '2026-11-20', 50)).toBe(changed.rates);
    expect(withRate(changed, '2026-11-16', 55)).toEqual([
      { from: '1970-01-01', hourlyRate: 40 },
      { from: '2026-11-16', hourlyRate: 55 },
    ]);
  });

  it('bills each day at its own rate, one rounding per rate', () => {
    const days = [
      { day: day('2026-11-13'), ms: 90 * MINUTE },
      { day: day('2026-11-16'), ms: 2 * HOUR },
      { day: day('2026-11-17'), ms: 7 * MINUTE },
    ];
    expect(amountOfDays(changed, days)).toBe(amountCents(90 * MINUTE, 4000) + amountCents(127 * MINUTE, 5000));
    expect(amountOfDays({ ...base, hourlyRate: null }, days)).toBeNull();
    // What a report prints under the amount, so that a reader can check it: each rate's time and amount.
    expect(amountsByRate(changed, days)).toEqual([
      { rateCents: 4000, ms: 90 * MINUTE, amountCents: 6000 },
      { rateCents: 5000, ms: 127 * MINUTE, amountCents: 10583 },
    ]);
    expect(amountsByRate({ ...base, hourlyRate: null }, days)).toEqual([]);
  });

  it('a new rate leaves the amounts of the month before as they were', () => {
    const session = (start: number, minutes: number): SessionRecord => ({
      id: `s${start}`, start, end: start + minutes * MINUTE, clientId: 'c', platform: 'facebook', account: null, activity: 'browsing', source: 'auto', createdAt: 0, updatedAt: 0,
    });
    const october = monthRange(day('2026-10-01'));
    const sessions = [session(day('2026-10-05') + 9 * HOUR, 95), session(day('2026-10-20') + 14 * HOUR, 40)];
    const before = buildPeriodView(sessions, [base], october, calendar).buckets[0]!;
    const after = buildPeriodView(sessions, [changed], october, calendar).buckets[0]!;
    expect(before.amountCents).toBe(amountCents(135 * MINUTE, 4000));
    expect(after.amountCents).toBe(before.amountCents);
  });
});
