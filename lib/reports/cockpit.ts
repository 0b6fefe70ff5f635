import type { ClientRecord, SessionRecord } from '../db/records';
import { PERSONAL_CLIENT_ID } from '../db/records';
import { amountCents, rateCents } from '../money/cents';
import { carriedMs, carryPeriods } from '../contracts/carry-over';
import { periodProgress } from '../contracts/period-progress';
import { reaches, type Progress } from '../contracts/progress';
import { targetMs, termOn, type CalendarSettings } from '../contracts/targets';
import { dayRange, isoDate, monthRange, weekRange } from '../time/calendar';
import type { TimeRange } from '../time/local-day';
import type { DayTotalsRecord } from '../db/day-totals';
import { overlapMs } from './range-summary';

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
  for (const record of [...pastDays.filter((d) => d.day < ranges.day.from), today]) {
    for (const period of periods) {
      if (record.day < ranges[period].from || record.day >= ranges[period].to) continue;
      for (const [clientId, ms] of Object.entries(record.byClient)) used[period].set(clientId, (used[period].get(clientId) ?? 0) + ms);
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
        const rate = rateCents(client.hourlyRate);
        return { range, progress: periodProgress(client, usedHere, range, calendar, period === carryPeriod ? carried : 0), valueCents: rate === null ? null : amountCents(usedHere, rate) };
      };
      return { client, day: figures('day'), week: figures('week'), month: figures('month') };
    })
    .sort((a, b) => b.day.progress.usedMs - a.day.progress.usedMs || a.client.name.localeCompare(b.client.name));
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
