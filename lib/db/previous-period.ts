import { carryPeriods } from '../contracts/carry-over';
import type { CalendarSettings } from '../contracts/targets';
import { overlapMs } from '../reports/range-summary';
import type { SocialHoursDatabase } from './database';
import type { ClientRecord } from './records';
import { clientSessionsOverlapping } from './session-queries';

/**
 * A client's time in the contract period before `range`, when `range` is a period its
 * contract carries unused time into; undefined otherwise (nothing to read).
 */
export async function usedInPeriodBefore(db: SocialHoursDatabase, client: ClientRecord, range: { from: number; to: number }, calendar: CalendarSettings): Promise<number | undefined> {
  const periods = carryPeriods(client, range.from, calendar);
  if (!periods || periods.range.from !== range.from || periods.range.to !== range.to) return undefined;
  const sessions = await clientSessionsOverlapping(db, client.id, periods.previous.from, periods.previous.to);
  return sessions.reduce((sum, s) => sum + overlapMs(s, periods.previous), 0);
}
