import type { ClientRecord, ContractTerm } from '../db/records';
import { HOUR } from '../time/clock';
import { daysIn, isoDate, monthRange, weekRange, weekdayOf, type Weekday } from '../time/calendar';
import type { TimeRange } from '../time/local-day';

export interface CalendarSettings {
  /** Days on which contracted time is due; weekly and monthly contracts share out over them. */
  workingDays: readonly Weekday[];
  weekStartsOn: Weekday;
}

/** The term in force on a local date: the latest one starting on or before it. */
export function termOn(contracts: readonly ContractTerm[] | undefined, date: string): ContractTerm | null {
  let found: ContractTerm | null = null;
  for (const term of contracts ?? []) {
    if (term.from <= date && (!found || term.from >= found.from)) found = term;
  }
  return found;
}

/** Working days per week or month, counted once per range: targets over a month ask for it on every day. */
const workingDayCounts = new Map<string, number>();

function workingDaysIn(range: TimeRange, calendar: CalendarSettings): number {
  const key = `${range.from}:${range.to}:${calendar.workingDays.join('')}`;
  let count = workingDayCounts.get(key);
  if (count === undefined) {
    count = daysIn(range).filter((day) => calendar.workingDays.includes(weekdayOf(day))).length;
    if (workingDayCounts.size > 500) workingDayCounts.clear();
    workingDayCounts.set(key, count);
  }
  return count;
}

/**
 * Contracted time due on one day (local midnight), in ms. A daily contract is due on each
 * working day; a weekly or monthly one is shared equally over the working days of the week
 * or month that contains the day. Each day is judged by the term in force that day, so a
 * contract changed mid-period leaves the days before the change to the old one.
 */
export function dailyTargetMs(client: Pick<ClientRecord, 'contracts'>, day: number, calendar: CalendarSettings): number {
  const term = termOn(client.contracts, isoDate(day));
  if (!term || term.period === 'none' || term.hours <= 0) return 0;
  if (!calendar.workingDays.includes(weekdayOf(day))) return 0;
  const hours = term.hours * HOUR;
  if (term.period === 'day') return hours;
  const period = term.period === 'week' ? weekRange(day, calendar.weekStartsOn) : monthRange(day);
  const shares = workingDaysIn(period, calendar);
  return shares > 0 ? hours / shares : 0;
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
