import type { SessionRecord } from '../db/records';
import type { TimeRange } from '../time/local-day';
import { clipToSeconds } from './day-split';

export interface Totals {
  /** Milliseconds of the range covered by sessions. */
  total: number;
  /** clientId (or null for unassigned) → milliseconds. */
  byClient: Map<string | null, number>;
  /** platform id → milliseconds. */
  byPlatform: Map<string, number>;
}

/** The part of a session inside the range, in milliseconds of whole seconds: what its day pieces add up to. */
export function overlapMs(session: Pick<SessionRecord, 'start' | 'end'>, range: TimeRange): number {
  const clipped = clipToSeconds(session, range);
  return clipped ? clipped.end - clipped.start : 0;
}

/**
 * Totals over a range. Sessions reaching outside the range count only their part inside
 * (a session across midnight counts in each day for what it spent there).
 */
export function summarize(sessions: readonly Pick<SessionRecord, 'start' | 'end' | 'clientId' | 'platform'>[], range: TimeRange): Totals {
  const totals: Totals = { total: 0, byClient: new Map(), byPlatform: new Map() };
  for (const session of sessions) {
    const ms = overlapMs(session, range);
    if (ms <= 0) continue;
    totals.total += ms;
    totals.byClient.set(session.clientId, (totals.byClient.get(session.clientId) ?? 0) + ms);
    totals.byPlatform.set(session.platform, (totals.byPlatform.get(session.platform) ?? 0) + ms);
  }
  return totals;
}

/** Replaces the stored copy of the open session with its live extent, or adds it. */
export function withLiveSession<T extends { id: string }>(stored: readonly T[], live: T | null): T[] {
  if (!live) return [...stored];
  return [...stored.filter((s) => s.id !== live.id), live];
}
