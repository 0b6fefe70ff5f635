import type { ClientRecord, ContractTerm } from '../db/records';
import { MINUTE } from '../time/clock';
import { daysIn, isoDate, monthRange, weekRange, weekdayOf, type Weekday } from '../time/calendar';
import type { TimeRange } from '../time/local-day';

export interface CalendarSettings {
  /** Days on which contracted time is due; weekly and monthly contracts share out over them. */
  workingDays: readonly Weekday[];
  weekStartsOn: Weekday;
  /** Dates (`YYYY-MM-DD`) off although on a working weekday: public holidays, leave. Absent: none. */
  isDayOff?: (isoDate: string) => boolean;
}

/** The term in force on a local date: the latest one starting on or before it. */
export function termOn(contracts: readonly ContractTerm[] | undefined, date: string): ContractTerm | null {
  let found: ContractTerm | null = null;
  for (const term of contracts ?? []) {
    if (term.from <= date && (!found || term.from >= found.from)) found = term;
  }
  return found;
}

/**
 * A term's contracted time in whole minutes. Hours are typed with decimals (1.5 h) and
 * stored as typed; they become minutes here, once, rounded to the nearest minute, so that
 * every sum over days is an exact integer.
 */
export function contractMinutes(term: Pick<ContractTerm, 'hours'>): number {
  return Number.isFinite(term.hours) && term.hours > 0 ? Math.round(term.hours * 60) : 0;
}

/** Whether contracted time can be due on a day (local midnight): a working weekday that is not a day off. */
export function isWorkingDay(day: number, calendar: CalendarSettings): boolean {
  return calendar.workingDays.includes(weekdayOf(day)) && !(calendar.isDayOff?.(isoDate(day)) ?? false);
}

/**
 * The working days of each week or month, per calendar: a month's targets ask for them on
 * every one of its days. Keyed by the calendar object, since `isDayOff` cannot be compared.
 */
const workingDayLists = new WeakMap<CalendarSettings, Map<string, number[]>>();

function workingDaysIn(range: TimeRange, calendar: CalendarSettings): number[] {
  let lists = workingDayLists.get(calendar);
  if (!lists) workingDayLists.set(calendar, (lists = new Map()));
  const key = `${range.from}:${range.to}`;
  let days = lists.get(key);
  if (days === undefined) {
    days = daysIn(range).filter((day) => isWorkingDay(day, calendar));
    if (lists.size > 500) lists.clear();
    lists.set(key, days);
  }
  return days;
}

/**
 * Shares whole minutes over `count` days so that they add up exactly: each day gets the
 * quotient, and the first `remainder` days one minute more.
 */
export function shareMinutes(minutes: number, count: number, index: number): number {
  if (count <= 0 || index < 0 || index >= count) return 0;
  return Math.floor(minutes / count) + (index < minutes % count ? 1 : 0);
}

/** The contract period (week or month) that contains a day. */
export function contractPeriodRange(period: 'week' | 'month', day: number, calendar: Pick<CalendarSettings, 'weekStartsOn'>): TimeRange {
  return period === 'week' ? weekRange(day, calendar.weekStartsOn) : monthRange(day);
}

/**
 * Contracted time due on one day (local midnight), in ms, always a whole number of minutes.
 * A daily contract is due on each working day; a weekly or monthly one is shared over the
 * working days of its week or month, so that the days of the period add up to exactly its
 * minutes. Days off are not working days: their share goes to the other days of the period.
 * A period without any working day has nothing due. Each day is judged by the term in
 * force that day, so a contract changed mid-period leaves the days before the change to the
 * old one.
 */
export function dailyTargetMs(client: Pick<ClientRecord, 'contracts'>, day: number, calendar: CalendarSettings): number {
  const term = termOn(client.contracts, isoDate(day));
  if (!term || term.period === 'none') return 0;
  const minutes = contractMinutes(term);
  if (minutes === 0 || !isWorkingDay(day, calendar)) return 0;
  if (term.period === 'day') return minutes * MINUTE;
  const days = workingDaysIn(contractPeriodRange(term.period, day, calendar), calendar);
  return shareMinutes(minutes, days.length, days.indexOf(day)) * MINUTE;
}

/** Contracted time over a range of whole days, in ms; null when no contract applies on any of them. */
export function targetMs(client: Pick<ClientRecord, 'contracts'>, range: TimeRange, calendar: CalendarSettings): number | null {
  let total = 0;
  let contracted = false;
  for (const day of daysIn(range)) {
    const term = termOn(client.contracts, isoDate(day));
    if (term && term.period !== 'none') contracted = true;
    total += dailyTargetMs(client, day, calendar);
  }
  return contracted ? total : null;
}
