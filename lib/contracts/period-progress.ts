import type { ClientRecord } from '../db/records';
import { daysIn } from '../time/calendar';
import type { TimeRange } from '../time/local-day';
import { progress, type Progress } from './progress';
import { isWorkingDay, targetMs, type CalendarSettings } from './targets';

/**
 * A client's used time over a range of whole days against its contract, days off told apart
 * from overruns. `carriedMs` (see carry-over.ts) is added to the target when the range is the
 * contract's period.
 */
export function periodProgress(client: Pick<ClientRecord, 'contracts'>, usedMs: number, range: TimeRange, calendar: CalendarSettings, carriedMs = 0): Progress {
  const own = targetMs(client, range, calendar);
  const target = own === null ? null : own + carriedMs;
  const offPeriod = target === 0 && !daysIn(range).some((day) => isWorkingDay(day, calendar));
  return progress(usedMs, target, offPeriod, own === null ? 0 : carriedMs);
}
