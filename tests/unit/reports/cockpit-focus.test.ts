import { describe, expect, it } from 'vitest';
import type { CalendarSettings } from '../../../lib/contracts/targets';
import type { ClientRecord, ContractTerm, SessionRecord } from '../../../lib/db/records';
import { attentionOrder, buildCockpit, cockpitRange, focusCockpit, focusPeriod, focusStatus, paceMs, reportPath, type ClientFocus } from '../../../lib/reports/cockpit';
import { progress } from '../../../lib/contracts/progress';
import { totalsOfDay } from '../../../lib/db/day-totals';
import { dayRange, daysIn, monthRange, weekRange } from '../../../lib/time/calendar';
import { HOUR, MINUTE } from '../../../lib/time/clock';

const calendar: CalendarSettings = { workingDays: [1, 2, 3, 4, 5], weekStartsOn: 1 };
// Wednesday 25 November 2026, 16:00 local: the 18th of November's 21 working days.
const now = new Date(2026, 10, 25, 16).getTime();
const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).getTime();

function client(id: string, term: Omit<ContractTerm, 'from'> | null, name = id): ClientRecord {
  return { id, name, color: '#c2410c', archived: false, createdAt: 0, ...(term ? { contracts: [{ from: '2026-01-01', ...term }] } : {}) };
}

function s(clientId: string, start: number, end: number): SessionRecord {
  return { id: `${clientId}-${start}`, start, end, clientId, platform: 'facebook', account: null, activity: 'browsing', source: 'auto', createdAt: 0, updatedAt: 0 };
}

describe("the popup's one meter per client", () => {
  it('is for the period of the contract in force today; none without a contract', () => {
    expect(focusPeriod(client('a', { period: 'day', hours: 1 }), now)).toBe('day');
    expect(focusPeriod(client('a', { period: 'week', hours: 5 }), now)).toBe('week');
    expect(focusPeriod(client('a', { period: 'month', hours: 30 }), now)).toBe('month');
    expect(focusPeriod(client('a', { period: 'none', hours: 0 }), now)).toBeNull();
    expect(focusPeriod(client('a', null), now)).toBeNull();
    // A weekly contract replaced by a monthly one from tomorrow: still weekly today.
    const changing = { ...client('a', { period: 'week', hours: 5 }), contracts: [{ from: '2026-01-01', period: 'week', hours: 5 }, { from: '2026-11-26', period: 'month', hours: 20 }] } satisfies ClientRecord;
    expect(focusPeriod(changing, now)).toBe('week');
  });

  it("never shows a monthly client's day or week share as over: 30 h a month at 67 % is behind its pace, not over", () => {
    const monthly = client('monthly', { period: 'month', hours: 30 });
    // 20 h this month: 1 h 40 of it today and 9 h 40 this week, above a day's share (85 min)
    // and a week's (7 h 05).
    const sessions = [s('monthly', at(25, 9), at(25, 10, 40)), s('monthly', at(23, 8), at(23, 16)), s('monthly', at(10, 8), at(10, 18)), s('monthly', at(4, 8), at(4, 8, 20))];
    const today = dayRange(now).from;
    const pastDays = daysIn(cockpitRange(now, calendar)).filter((d) => d < today).map((d) => totalsOfDay(sessions, d));
    const cockpit = buildCockpit(pastDays, sessions, [monthly], calendar, now);
    expect([cockpit[0]!.day.progress.state, cockpit[0]!.week.progress.state]).toEqual(['over', 'over']);
    const [focus] = focusCockpit(cockpit, calendar, now);
    expect(focus!.period).toBe('month');
    expect(focus!.figures.range).toEqual(monthRange(now));
    expect(focus!.figures.progress).toMatchObject({ usedMs: 20 * HOUR, targetMs: 30 * HOUR, state: 'under' });
    // 1,800 min over 21 days: 86 min on the first 15, 85 on the others; 18 days so far.
    expect(focus!.paceMs).toBe((15 * 86 + 3 * 85) * MINUTE);
    expect(focus!.todayShareMs).toBe(85 * MINUTE);
    // Behind by what was due before today; today's share is not late before the day ends.
    expect(focusStatus(focus!)).toEqual({ kind: 'behind', ms: (15 * 86 + 2 * 85) * MINUTE - 20 * HOUR });
  });
});

describe('the pace', () => {
  it('adds the daily shares of the period up to and including today', () => {
    expect(paceMs(client('d', { period: 'day', hours: 1.5 }), dayRange(now), calendar, now)).toBe(90 * MINUTE);
    // Monday to Wednesday of a 5-hour week.
    expect(paceMs(client('w', { period: 'week', hours: 5 }), weekRange(now, 1), calendar, now)).toBe(3 * HOUR);
    // 18 of November's 21 working days at 1 h.
    expect(paceMs(client('m', { period: 'month', hours: 21 }), monthRange(now), calendar, now)).toBe(18 * HOUR);
  });

  it('leaves days off out, as the targets do', () => {
    // Tuesday off: 4 h over the week's four working days, Monday's and Wednesday's so far.
    const withLeave: CalendarSettings = { ...calendar, isDayOff: (iso) => iso === '2026-11-24' };
    expect(paceMs(client('w', { period: 'week', hours: 4 }), weekRange(now, 1), withLeave, now)).toBe(2 * HOUR);
  });
});

function focus(id: string, period: ClientFocus['period'], used: number, target: number | null, pace: number | null, todayShare = 0): ClientFocus {
  const range = monthRange(now);
  return { client: client(id, null), period, figures: { range, progress: progress(used, target), valueCents: null }, weekMs: 0, paceMs: pace, todayShareMs: pace === null ? null : todayShare };
}

describe('what needs attention first', () => {
  it('puts the most over first, then the furthest from pace relative to the target, then clients without a contract by time', () => {
    const rows = [
      focus('no-contract-small', null, 1 * HOUR, null, null),
      focus('on-pace', 'week', 3 * HOUR, 5 * HOUR, 3 * HOUR),
      focus('over-a-little', 'day', 70 * MINUTE, HOUR, HOUR),
      focus('behind-a-lot', 'week', 0, 5 * HOUR, 3 * HOUR), // 60 % of its target behind
      focus('no-contract-big', null, 5 * HOUR, null, null),
      focus('ahead', 'month', 20 * HOUR, 60 * HOUR, 10 * HOUR), // 17 % ahead
      focus('over-a-lot', 'month', 32 * HOUR, 30 * HOUR, 25 * HOUR),
      focus('behind-a-little', 'month', 8 * HOUR, 60 * HOUR, 10 * HOUR), // 3 % behind
    ];
    expect([...rows].sort(attentionOrder).map((r) => r.client.id)).toEqual([
      'over-a-lot',
      'over-a-little',
      'behind-a-lot',
      'ahead',
      'behind-a-little',
      'on-pace',
      'no-contract-big',
      'no-contract-small',
    ]);
  });

  it('orders equals by name', () => {
    const rows = [focus('b', 'week', 0, 5 * HOUR, 0), focus('a', 'week', 0, 5 * HOUR, 0)];
    expect(rows.sort(attentionOrder).map((r) => r.client.id)).toEqual(['a', 'b']);
  });
});

describe("a client's status in the popup", () => {
  it('says over and near from the one progress rule, otherwise how far from pace', () => {
    expect(focusStatus(focus('x', 'week', 6 * HOUR, 5 * HOUR, 3 * HOUR))).toEqual({ kind: 'over', ms: HOUR });
    expect(focusStatus(focus('x', 'week', 4 * HOUR, 5 * HOUR, 3 * HOUR))).toEqual({ kind: 'near', ms: HOUR });
    expect(focusStatus(focus('x', 'week', 2 * HOUR, 5 * HOUR, 3 * HOUR))).toEqual({ kind: 'behind', ms: HOUR });
    expect(focusStatus(focus('x', 'week', 3 * HOUR + 59_000, 5 * HOUR, 3 * HOUR))).toEqual({ kind: 'on-pace' });
    // With today's hour still to do: nothing late, an hour for today; half of it done, half left.
    expect(focusStatus(focus('x', 'week', 2 * HOUR, 5 * HOUR, 3 * HOUR, HOUR))).toEqual({ kind: 'today', ms: HOUR });
    expect(focusStatus(focus('x', 'week', 2.5 * HOUR, 5 * HOUR, 3 * HOUR, HOUR))).toEqual({ kind: 'today', ms: 30 * MINUTE });
    // Late on the days before: that is what is behind, whatever today holds.
    expect(focusStatus(focus('x', 'week', 1.5 * HOUR, 5 * HOUR, 3 * HOUR, HOUR))).toEqual({ kind: 'behind', ms: 30 * MINUTE });
    // A daily contract at the start of its day: an hour for today, not an hour late.
    expect(focusStatus(focus('x', 'day', 0, HOUR, HOUR, HOUR))).toEqual({ kind: 'today', ms: HOUR });
    expect(focusStatus(focus('x', null, HOUR, null, null))).toEqual({ kind: 'none' });
  });
});

describe("a client's report from the popup", () => {
  it('covers the contract period, its last day included, without amounts', () => {
    expect(reportPath('dupont', monthRange(now))).toBe('report.html?client=dupont&from=2026-11-01&to=2026-11-30&amount=0');
    expect(reportPath('dupont', weekRange(now, 1))).toBe('report.html?client=dupont&from=2026-11-23&to=2026-11-29&amount=0');
    expect(reportPath('dupont', dayRange(now))).toBe('report.html?client=dupont&from=2026-11-25&to=2026-11-25&amount=0');
  });
});
