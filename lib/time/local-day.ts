/**
 * Local calendar days, daylight-saving safe: a day is from one local midnight to the next,
 * 23 or 25 hours long on the days the clocks change. Uses the time zone of the runtime.
 */
export function startOfLocalDay(at: number): number {
  const date = new Date(at);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

export function addLocalDays(dayStart: number, days: number): number {
  const date = new Date(dayStart);
  date.setDate(date.getDate() + days);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

export interface TimeRange {
  from: number;
  to: number;
}

export function localDayRange(at: number): TimeRange {
  const from = startOfLocalDay(at);
  return { from, to: addLocalDays(from, 1) };
}
