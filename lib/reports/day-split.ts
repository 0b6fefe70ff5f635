import { addDays, startOfDay } from 'date-fns';
import type { TimeRange } from '../time/local-day';
import { SECOND } from '../time/clock';

export interface DayPiece<T> {
  session: T;
  /** Local midnight of the piece's day. */
  day: number;
  /** A whole second, as the CSV prints it. */
  start: number;
  /** A whole second, as the CSV prints it. */
  end: number;
}

/**
 * The part of a session inside a range, its ends truncated to the second. The CSV prints
 * times to the second, so every figure (CSV, reports, views, popup, day totals) counts these
 * same seconds and each one is the sum of the rows a spreadsheet adds up. Null under a second.
 */
export function clipToSeconds(session: { start: number; end: number }, range: TimeRange): { start: number; end: number } | null {
  const start = Math.max(Math.floor(session.start / SECOND) * SECOND, range.from);
  const end = Math.min(Math.floor(session.end / SECOND) * SECOND, range.to);
  return end > start ? { start, end } : null;
}

/**
 * The parts of a session in each local day it touches, clipped to a range and counted in
 * whole seconds: a session across midnight gives two pieces, on days of 23 or 25 hours alike.
 * Local midnights fall on whole seconds, so the pieces add up to the clipped session.
 */
export function splitByDay<T extends { start: number; end: number }>(session: T, range: TimeRange): DayPiece<T>[] {
  const clipped = clipToSeconds(session, range);
  if (!clipped) return [];
  const pieces: DayPiece<T>[] = [];
  for (let day = startOfDay(clipped.start).getTime(); day < clipped.end; day = addDays(day, 1).getTime()) {
    const start = Math.max(clipped.start, day);
    const end = Math.min(clipped.end, addDays(day, 1).getTime());
    if (end > start) pieces.push({ session, day, start, end });
  }
  return pieces;
}
