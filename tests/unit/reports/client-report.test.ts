import { describe, expect, it } from 'vitest';
import type { CalendarSettings } from '../../../lib/contracts/targets';
import type { ClientRecord, SessionRecord } from '../../../lib/db/records';
import { buildClientReport } from '../../../lib/reports/client-report';
import { buildPeriodView } from '../../../lib/reports/period-view';
import { HOUR, MINUTE } from '../../../lib/time/clock';
import { isoDate, weekRange } from '../../../lib/time/calendar';

const calendar: CalendarSettings = { workingDays: [1, 2, 3, 4, 5], weekStartsOn: 1 };
const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).getTime();
const week = weekRange(at(25, 12), 1);

const dupont: ClientRecord = {
  id: 'dupont', name: 'Boulangerie Dupont', color: '#c2410c', archived: false, createdAt: 0,
  contracts: [{ from: '2026-01-01', period: 'week', hours: 2 }], hourlyRate: 40, currency: 'EUR', roundingMinutes: 15,
};

function s(id: string, clientId: string | null, start: number, end: number, platform = 'facebook', activity = 'browsing'): SessionRecord {
  return { id, start, end, clientId, platform, account: `${clientId}-account`, activity, source: 'auto', createdAt: 0, updatedAt: 0 };
}

const sessions = [
  s('1', 'dupont', at(23, 9), at(23, 9, 20)),
  s('2', 'dupont', at(23, 14), at(23, 14, 5), 'instagram', 'messages'),
  s('3', 'dupont', at(25, 10), at(25, 10, 30)),
  s('4', 'martin', at(25, 11), at(25, 13)),
  s('5', null, at(26, 9), at(26, 10)),
  s('6', 'personal', at(26, 12), at(26, 13)),
  s('7', 'dupont', at(29, 23, 30), at(30, 0, 30), 'manual', 'call'),
];

describe("a client's report", () => {
  it('bills in whole cents, halves rounded up, with no binary fractions: 6 min at 10.35 an hour is 1.04', () => {
    const sixMinutes = buildClientReport([s('1', 'dupont', at(23, 9), at(23, 9, 6))], { ...dupont, hourlyRate: 10.35, roundingMinutes: 0 }, week, calendar);
    expect(sixMinutes.amountCents).toBe(104);
    expect(sixMinutes.rateCents).toBe(1035);
    expect(buildClientReport(sessions, { ...dupont, hourlyRate: null }, week, calendar).amountCents).toBeNull();
  });

  const report = buildClientReport(sessions, dupont, week, calendar);

  it('rounds each day up by the increment and bills the rounded days', () => {
    expect(report.days.map((d) => [isoDate(d.day), d.ms / MINUTE, d.billedMs / MINUTE])).toEqual([
      ['2026-11-23', 25, 30],
      ['2026-11-24', 0, 0],
      ['2026-11-25', 30, 30],
      ['2026-11-26', 0, 0],
      ['2026-11-27', 0, 0],
      ['2026-11-28', 0, 0],
      ['2026-11-29', 30, 30],
    ]);
    expect(report.totalMs).toBe(85 * MINUTE);
    expect(report.billedMs).toBe(90 * MINUTE);
    expect(report.amountCents).toBe(6000);
  });

  it('compares the time worked, before rounding, with the contract, as the popup and the views do', () => {
    expect(report.progress).toMatchObject({ usedMs: 85 * MINUTE, targetMs: 2 * HOUR, remainingMs: 35 * MINUTE, state: 'under' });
    const [view] = buildPeriodView(sessions, [dupont], week, calendar).buckets.filter((b) => b.bucket === 'dupont');
    expect(view!.progress).toEqual(report.progress);
  });

  it('counts whole seconds per piece, so two sessions of 7.50003 min bill 15 min, as their CSV rows add up to', () => {
    const sliver = 7.50003 * MINUTE;
    const twoHalves = [s('1', 'dupont', at(24, 9), at(24, 9) + sliver), s('2', 'dupont', at(24, 10), at(24, 10) + sliver)];
    const rounded = buildClientReport(twoHalves, dupont, week, calendar);
    expect(rounded.days.find((d) => d.ms > 0)).toMatchObject({ ms: 15 * MINUTE, billedMs: 15 * MINUTE });
    expect(rounded.totalMs).toBe(15 * MINUTE);
    expect(rounded.billedMs).toBe(15 * MINUTE);
  });

  it('totals per platform and per kind of activity, the part after the range left out', () => {
    expect(report.platforms.map(({ platform, ms }) => ({ platform, ms }))).toEqual([
      { platform: 'facebook', ms: 50 * MINUTE },
      { platform: 'manual', ms: 30 * MINUTE },
      { platform: 'instagram', ms: 5 * MINUTE },
    ]);
    expect(report.activities.map((a) => a.activity)).toEqual(['browsing', 'call', 'messages']);
  });

  it("totals each platform's accounts, most time first and time without an account last", () => {
    const accounts = [
      { ...s('a', 'dupont', at(23, 9), at(23, 9, 10)), account: 'dupont-shop' },
      { ...s('b', 'dupont', at(23, 10), at(23, 10, 40)), account: 'boulangerie-dupont' },
      { ...s('c', 'dupont', at(24, 9), at(24, 9, 50)), account: null },
      { ...s('d', 'dupont', at(24, 11), at(24, 11, 5)), account: 'dupont-shop' },
      { ...s('e', 'dupont', at(24, 12), at(24, 12, 20), 'instagram'), account: 'dupont.bakery' },
    ];
    expect(buildClientReport(accounts, dupont, week, calendar).platforms).toEqual([
      {
        platform: 'facebook',
        ms: 105 * MINUTE,
        accounts: [
          { account: 'boulangerie-dupont', ms: 40 * MINUTE },
          { account: 'dupont-shop', ms: 15 * MINUTE },
          { account: null, ms: 50 * MINUTE },
        ],
      },
      { platform: 'instagram', ms: 20 * MINUTE, accounts: [{ account: 'dupont.bakery', ms: 20 * MINUTE }] },
    ]);
  });

  it('lists the manual entries in order of time, with their kind, note and seconds within the range', () => {
    const meeting = { ...s('m1', 'dupont', at(25, 14), at(25, 15, 30), 'manual', 'meeting'), source: 'manual' as const, note: 'Editorial calendar for December\nwith Mme Dupont' };
    const call = { ...s('m2', 'dupont', at(24, 9), at(24, 9, 20) + 400, 'manual', 'call'), source: 'manual' as const };
    const other = { ...s('m3', 'martin', at(24, 10), at(24, 11), 'manual', 'call'), note: 'Martin only' };
    const listed = buildClientReport([meeting, ...sessions, call, other], dupont, week, calendar).manual;
    expect(listed).toEqual([
      { id: 'm2', start: at(24, 9), ms: 20 * MINUTE, kind: 'call', note: '' },
      { id: 'm1', start: at(25, 14), ms: 90 * MINUTE, kind: 'meeting', note: 'Editorial calendar for December\nwith Mme Dupont' },
      // Across midnight and the end of the range: its part in the range, as the CSV's rows.
      { id: '7', start: at(29, 23, 30), ms: 30 * MINUTE, kind: 'call', note: '' },
    ]);
    expect(JSON.stringify(listed)).not.toContain('Martin');
  });

  it('carries the client details for the top of the report', () => {
    expect(buildClientReport(sessions, { ...dupont, details: 'Mme Dupont\n3 place du Marché, Lyon' }, week, calendar).client.details).toBe('Mme Dupont\n3 place du Marché, Lyon');
    expect(report.client.details).toBe('');
  });

  it('holds nothing about another client, unassigned or personal time', () => {
    const text = JSON.stringify(report);
    expect(text).not.toContain('martin');
    expect(text).not.toContain('null-account');
    expect(text).not.toContain('personal');
  });
});
