import { addWeeks } from 'date-fns';
import type { TimeRange } from '../time/local-day';
import { weekRange, type Weekday } from '../time/calendar';

/** The last complete week before `now`, by the week start setting: the default range of every export. */
export function lastCompleteWeek(now: number, weekStartsOn: Weekday): TimeRange {
  return weekRange(addWeeks(weekRange(now, weekStartsOn).from, -1).getTime(), weekStartsOn);
}
