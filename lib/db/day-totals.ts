import { addDays, startOfDay } from 'date-fns';
import { splitByDay } from '../reports/day-split';
import type { TimeRange } from '../time/local-day';
import type { SocialHoursDatabase } from './database';
import type { SessionRecord } from './records';
import { sessionsOverlapping } from './session-queries';

/** One past day's time per client (`''` for unassigned), kept so that month figures cost the same whatever the history. */
export interface DayTotalsRecord {
  /** Local midnight. */
  day: number;
  byClient: Record<string, number>;
}

export const UNASSIGNED_KEY = '';

/** The local days a set of sessions touches: the rows their change makes stale. */
export function daysTouched(sessions: ReadonlyArray<Pick<SessionRecord, 'start' | 'end'>>): number[] {
  const days = new Set<number>();
  for (const s of sessions) {
    for (let day = startOfDay(s.start).getTime(); day < s.end; day = addDays(day, 1).getTime()) days.add(day);
  }
  return [...days];
}

/** Drops the rows of the days these sessions touch. Called by every writer of sessions, in its transaction. */
export async function invalidateDays(db: SocialHoursDatabase, sessions: ReadonlyArray<Pick<SessionRecord, 'start' | 'end'>>): Promise<void> {
  const days = daysTouched(sessions);
  if (days.length > 0) await db.dayTotals.bulkDelete(days);
}

export function totalsOfDay(sessions: readonly SessionRecord[], day: number): DayTotalsRecord {
  const byClient: Record<string, number> = {};
  const range = { from: day, to: addDays(day, 1).getTime() };
  for (const session of sessions) {
    for (const piece of splitByDay(session, range)) {
      const key = session.clientId ?? UNASSIGNED_KEY;
      byClient[key] = (byClient[key] ?? 0) + piece.end - piece.start;
    }
  }
  return { day, byClient };
}

/**
 * The rows of the whole days in a range that ended before `today`, computing and storing
 * the missing ones from the sessions. Runs in the background's queue, like every session
 * write, so a row never outlives a change to its day.
 */
export async function pastDayTotals(db: SocialHoursDatabase, range: TimeRange, today: number): Promise<DayTotalsRecord[]> {
  const days: number[] = [];
  for (let day = startOfDay(range.from).getTime(); day < Math.min(range.to, today); day = addDays(day, 1).getTime()) days.push(day);
  const stored = await db.dayTotals.bulkGet(days);
  const missing = days.filter((_, i) => !stored[i]);
  if (missing.length === 0) return stored as DayTotalsRecord[];
  const sessions = await sessionsOverlapping(db, Math.min(...missing), addDays(Math.max(...missing), 1).getTime());
  const computed = missing.map((day) => totalsOfDay(sessions, day));
  await db.dayTotals.bulkPut(computed);
  const byDay = new Map(computed.map((r) => [r.day, r]));
  return days.map((day, i) => stored[i] ?? byDay.get(day)!);
}
