import type { ClientRecord, SessionRecord } from '../db/records';
import { PERSONAL_CLIENT_ID } from '../db/records';
import { amountOfDays } from '../money/rates';
import { carriedMs, carryPeriods } from '../contracts/carry-over';
import { periodProgress } from '../contracts/period-progress';
import { reaches, type Progress } from '../contracts/progress';
import { dailyTargetMs, targetMs, termOn, type CalendarSettings } from '../contracts/targets';
import { dayRange, daysIn, isoDate, monthRange, weekRange } from '../time/calendar';
import type { TimeRange } from '../time/local-day';
import type { DayTotalsRecord } from '../db/day-totals';
import { overlapMs } from './range-summary';
import { MINUTE } from '../time/clock';

type Countable = Pick<SessionRecord, 'start' | 'end' | 'clientId'>;

export interface PeriodFigures {
  range: TimeRange;
  progress: Progress;
  /** Used time at the client's hourly rate, in cents (the nearest cent, halves up), or null without a rate. */
  valueCents: number | null;
}

export interface ClientCockpit {
  client: ClientRecord;
  day: PeriodFigures;
  week: PeriodFigures;
  month: PeriodFigures;
}

export function usedMs(sessions: readonly Countable[], clientId: string, range: TimeRange): number {
  let total = 0;
  for (const s of sessions) if (s.clientId === clientId) total += overlapMs(s, range);
  return total;
}

/** The week and month before the current ones: their unused time can be carried over. */
function previousRanges(now: number, calendar: CalendarSettings): { previousWeek: TimeRange; previousMonth: TimeRange } {
  const week = weekRange(now, calendar.weekStartsOn);
  const month = monthRange(now);
  return { previousWeek: weekRange(week.from - 1, calendar.weekStartsOn), previousMonth: monthRange(month.from - 1) };
}

/**
 * From the previous month (or week, when it starts earlier) to the end of the current
 * month (or week): one query covers the three periods and the two a carry-over looks back
 * at. At most about nine weeks, whatever the history.
 */
export function cockpitRange(now: number, calendar: CalendarSettings): TimeRange {
  const week = weekRange(now, calendar.weekStartsOn);
  const month = monthRange(now);
  const { previousWeek, previousMonth } = previousRanges(now, calendar);
  return { from: Math.min(previousWeek.from, previousMonth.from), to: Math.max(week.to, month.to) };
}

/**
 * For each active client: today, this week and this month, used against contracted, with
 * what is left and what it is worth, from per-day totals: the past days' as the background
 * keeps them, and today's from its sessions (`todaySessions`, live one included). The cost
 * follows the number of days, never the number of sessions before today.
 */
export function buildCockpit(
  pastDays: readonly DayTotalsRecord[],
  todaySessions: readonly Countable[],
  clients: readonly ClientRecord[],
  calendar: CalendarSettings,
  now: number,
): ClientCockpit[] {
  const ranges = { day: dayRange(now), week: weekRange(now, calendar.weekStartsOn), month: monthRange(now), ...previousRanges(now, calendar) };
  const today: DayTotalsRecord = { day: ranges.day.from, byClient: {} };
  for (const s of todaySessions) {
    const ms = overlapMs(s, ranges.day);
    if (ms > 0 && s.clientId !== null) today.byClient[s.clientId] = (today.byClient[s.clientId] ?? 0) + ms;
  }
  const periods = ['day', 'week', 'month', 'previousWeek', 'previousMonth'] as const;
  const used = Object.fromEntries(periods.map((p) => [p, new Map<string, number>()])) as Record<(typeof periods)[number], Map<string, number>>;
  // Each client's days, for the value at the rate in force each day.
  const days = Object.fromEntries(periods.map((p) => [p, new Map<string, Array<{ day: number; ms: number }>>()])) as Record<(typeof periods)[number], Map<string, Array<{ day: number; ms: number }>>>;
  for (const record of [...pastDays.filter((d) => d.day < ranges.day.from), today]) {
    for (const period of periods) {
      if (record.day < ranges[period].from || record.day >= ranges[period].to) continue;
      for (const [clientId, ms] of Object.entries(record.byClient)) {
        used[period].set(clientId, (used[period].get(clientId) ?? 0) + ms);
        const list = days[period].get(clientId);
        if (list) list.push({ day: record.day, ms });
        else days[period].set(clientId, [{ day: record.day, ms }]);
      }
    }
  }
  return clients
    .filter((c) => !c.archived && c.id !== PERSONAL_CLIENT_ID)
    .map((client) => {
      const carryPeriod = carryPeriods(client, now, calendar)?.term.period;
      const previousUsed = carryPeriod === 'week' ? used.previousWeek : used.previousMonth;
      const carried = carryPeriod ? carriedMs(client, now, calendar, previousUsed.get(client.id) ?? 0) : 0;
      const figures = (period: 'day' | 'week' | 'month'): PeriodFigures => {
        const range = ranges[period];
        const usedHere = used[period].get(client.id) ?? 0;
        // No time yet is worth 0 at a rate, and nothing without one.
        const valueCents = amountOfDays(client, days[period].get(client.id) ?? [{ day: range.from, ms: 0 }]);
        return { range, progress: periodProgress(client, usedHere, range, calendar, period === carryPeriod ? carried : 0), valueCents };
      };
      return { client, day: figures('day'), week: figures('week'), month: figures('month') };
    })
    .sort((a, b) => b.day.progress.usedMs - a.day.progress.usedMs || a.client.name.localeCompare(b.client.name));
}

export type CockpitPeriod = 'day' | 'week' | 'month';

/** One client as the popup shows it: a single meter, for the period of its contract. */
export interface ClientFocus {
  client: ClientRecord;
  /** The period of the contract in force today; null without a contract. */
  period: CockpitPeriod | null;
  /** The figures of that period; without a contract, this month's. */
  figures: PeriodFigures;
  /** Time used this week, shown beside the month's for a client without a contract. */
  weekMs: number;
  /**
   * Where the client should be by the end of today: the daily shares of the period's days
   * from its first up to and including today (carried-over time left out: it is a reserve,
   * not something due). null without a contract.
   */
  paceMs: number | null;
  /** Today's share of it: due by the end of today, so never late before then. null without a contract. */
  todayShareMs: number | null;
}

/** The period of the contract in force on the day of `now`: a share of a longer contract is never a meter of its own. */
export function focusPeriod(client: Pick<ClientRecord, 'contracts'>, now: number): CockpitPeriod | null {
  const term = termOn(client.contracts, isoDate(now));
  return term && term.period !== 'none' ? term.period : null;
}

/** Contracted time due from the start of `range` up to and including the day of `now`. */
export function paceMs(client: Pick<ClientRecord, 'contracts'>, range: TimeRange, calendar: CalendarSettings, now: number): number {
  const today = dayRange(now).from;
  return daysIn(range)
    .filter((day) => day <= today)
    .reduce((sum, day) => sum + dailyTargetMs(client, day, calendar), 0);
}

/**
 * What needs attention first, the popup's order:
 * 1. over the contract, the most over first (in time);
 * 2. other contracted clients, the furthest from their pace first, behind or ahead alike,
 *    as a share of the period's target (2 h behind on 5 h a week before 2 h behind on 60 h
 *    a month; a zero target counts as on pace);
 * 3. clients without a contract, the most time this month first;
 * then by name.
 */
export function attentionOrder(a: ClientFocus, b: ClientFocus): number {
  return group(a) - group(b) || urgency(b) - urgency(a) || a.client.name.localeCompare(b.client.name);
}

function group(f: ClientFocus): number {
  if (f.period === null) return 2;
  return f.figures.progress.state === 'over' ? 0 : 1;
}

function urgency(f: ClientFocus): number {
  const { usedMs, targetMs: target, state } = f.figures.progress;
  if (f.period === null || target === null) return usedMs;
  if (state === 'over') return usedMs - target;
  return target > 0 && f.paceMs !== null ? Math.abs(usedMs - f.paceMs) / target : 0;
}

/** Each client's one meter (see `focusPeriod`), in the order of `attentionOrder`. */
export function focusCockpit(cockpit: readonly ClientCockpit[], calendar: CalendarSettings, now: number): ClientFocus[] {
  return cockpit
    .map(({ client, day, week, month }): ClientFocus => {
      const period = focusPeriod(client, now);
      const figures = period === 'day' ? day : period === 'week' ? week : month;
      const contracted = period !== null;
      return {
        client, period, figures, weekMs: week.progress.usedMs,
        paceMs: contracted ? paceMs(client, figures.range, calendar, now) : null,
        todayShareMs: contracted ? dailyTargetMs(client, dayRange(now).from, calendar) : null,
      };
    })
    .sort(attentionOrder);
}

/** What the popup says about a client, besides its figures. */
export type FocusStatus =
  | { kind: 'over'; ms: number }
  | { kind: 'near'; ms: number }
  | { kind: 'behind' | 'ahead'; ms: number }
  | { kind: 'today'; ms: number }
  | { kind: 'on-pace' }
  | { kind: 'day-off'; ms: number }
  | { kind: 'none' };

/**
 * Over and near come from the one progress rule (lib/contracts/progress.ts): `ms` is the
 * time over, or left. Under it, the distance from the pace (within a minute is on pace,
 * since durations show whole minutes): ahead of it; behind by what was due before today
 * (at the start of a day, its share is to do, not late); else what is left of today's share.
 */
export function focusStatus({ figures: { progress }, paceMs: pace, todayShareMs }: ClientFocus): FocusStatus {
  switch (progress.state) {
    case 'none':
      return { kind: 'none' };
    case 'over':
      return { kind: 'over', ms: progress.usedMs - (progress.targetMs ?? 0) };
    case 'near':
      return { kind: 'near', ms: progress.remainingMs ?? 0 };
    case 'day-off':
      return { kind: 'day-off', ms: progress.usedMs };
    case 'under': {
      const gap = progress.usedMs - (pace ?? 0);
      if (Math.abs(gap) < MINUTE) return { kind: 'on-pace' };
      if (gap > 0) return { kind: 'ahead', ms: gap };
      const late = -gap - (todayShareMs ?? 0);
      return late >= MINUTE ? { kind: 'behind', ms: late } : { kind: 'today', ms: -gap };
    }
  }
}

/** The client's report for a range of whole days (its last day inclusive), without amounts. */
export function reportPath(clientId: string, range: TimeRange): `report.html?${string}` {
  const query = new URLSearchParams({ client: clientId, from: isoDate(range.from), to: isoDate(range.to - 1), amount: '0' });
  return `report.html?${query.toString()}`;
}

export type ContractThreshold = 80 | 100;

export interface ContractAlert {
  clientId: string;
  threshold: ContractThreshold;
  /** Identifies the period, so that each threshold is announced once per period. */
  key: string;
  share: number;
}

/**
 * The thresholds a client has crossed in the period of its contract in force today
 * (its day, week or month, with what it carried over), not yet announced. `sessions` cover
 * `cockpitRange(now)`, the previous period included.
 */
export function contractAlerts(
  client: ClientRecord,
  sessions: readonly Countable[],
  calendar: CalendarSettings,
  now: number,
  announced: ReadonlySet<string>,
): ContractAlert[] {
  const term = termOn(client.contracts, isoDate(now));
  if (!term || term.period === 'none') return [];
  const range = term.period === 'day' ? dayRange(now) : term.period === 'week' ? weekRange(now, calendar.weekStartsOn) : monthRange(now);
  const periods = carryPeriods(client, now, calendar);
  const carried = periods ? carriedMs(client, now, calendar, usedMs(sessions, client.id, periods.previous)) : 0;
  const target = (targetMs(client, range, calendar) ?? 0) + carried;
  if (!target) return [];
  const used = usedMs(sessions, client.id, range);
  const alerts: ContractAlert[] = [];
  for (const threshold of [80, 100] as const) {
    const key = `${client.id}:${term.period}:${isoDate(range.from)}:${threshold}`;
    if (reaches(used, target, threshold) && !announced.has(key)) alerts.push({ clientId: client.id, threshold, key, share: used / target });
  }
  return alerts;
}
