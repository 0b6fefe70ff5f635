import { addDays, startOfDay } from 'date-fns';
import type { TimeRange } from '../time/local-day';

export interface DayPiece<T> {
  session: T;
  /** Local midnight of the piece's day. */
  day: number;
  start: number;
  end: number;
}

/**
 * The parts of a session in each local day it touches, clipped to a range: a session
 * across midnight gives two pieces, on days of 23 or 25 hours alike.
 */
export function splitByDay<T extends { start: number; end: number }>(session: T, range: TimeRange): DayPiece<T>[] {
  const pieces: DayPiece<T>[] = [];
  const from = Math.max(session.start, range.from);
  const to = Math.min(session.end, range.to);
  for (let day = startOfDay(from).getTime(); day < to; day = addDays(day, 1).getTime()) {
    const next = addDays(day, 1).getTime();
    const start = Math.max(from, day);
    const end = Math.min(to, next);
    if (end > start) pieces.push({ session, day, start, end });
  }
  return pieces;
}
