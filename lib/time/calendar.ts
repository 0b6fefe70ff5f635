import { addDays, addMonths, format, isValid, parse, startOfDay, startOfMonth, startOfWeek } from 'date-fns';
import type { TimeRange } from './local-day';

/** 0 = Sunday … 6 = Saturday, as `Date.getDay()`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const MONDAY_TO_FRIDAY: readonly Weekday[] = [1, 2, 3, 4, 5];

/** The local date of a moment, `YYYY-MM-DD`. */
export function isoDate(at: number): string {
  return format(at, 'yyyy-MM-dd');
}

/** Local midnight of a `YYYY-MM-DD` date, or null when the text is not a real date. */
export function parseIsoDate(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = parse(text, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(date) && format(date, 'yyyy-MM-dd') === text ? date.getTime() : null;
}

export function dayRange(at: number): TimeRange {
  const from = startOfDay(at).getTime();
  return { from, to: addDays(from, 1).getTime() };
}

export function weekRange(at: number, weekStartsOn: Weekday): TimeRange {
  const from = startOfWeek(at, { weekStartsOn }).getTime();
  return { from, to: addDays(from, 7).getTime() };
}

export function monthRange(at: number): TimeRange {
  const from = startOfMonth(at).getTime();
  return { from, to: addMonths(from, 1).getTime() };
}

/** The local midnights of every day in the range (23- and 25-hour days included). */
export function daysIn(range: TimeRange): number[] {
  const days: number[] = [];
  for (let day = startOfDay(range.from).getTime(); day < range.to; day = addDays(day, 1).getTime()) days.push(day);
  return days;
}

export function weekdayOf(at: number): Weekday {
  return new Date(at).getDay() as Weekday;
}
