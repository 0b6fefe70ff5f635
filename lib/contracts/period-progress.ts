import type { ClientRecord } from '../db/records';
import { daysIn } from '../time/calendar';
import type { TimeRange } from '../time/local-day';
import { progress, type Progress } from './progress';
import { isWorkingDay, targetMs, type CalendarSettings } from './targets';

/** A client's used time over a range of whole days against its contract, days off told apart from overruns. */
export function periodProgress(client: Pick<ClientRecord, 'contracts'>, usedMs: number, range: TimeRange, calendar: CalendarSettings): Progress {
  const target = targetMs(client, range, calendar);
  const offPeriod = target === 0 && !daysIn(range).some((day) => isWorkingDay(day, calendar));
  return progress(usedMs, target, offPeriod);
}
