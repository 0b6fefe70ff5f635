import type { SessionRecord } from '../db/records';
import { nextVersion } from '../db/versions';
import type { TimeRange } from '../time/local-day';

export interface SessionChanges {
  puts: SessionRecord[];
  deletes: string[];
}

/**
 * Removes an interval from the automatic sessions that overlap it: a manual entry covers
 * that time, and a second counted twice is a second billed twice. A session inside the
 * interval goes; one across an edge is shortened; one around the whole interval is split.
 */
export function carveOut(sessions: readonly SessionRecord[], interval: TimeRange, newId: () => string, now: number): SessionChanges {
  const changes: SessionChanges = { puts: [], deletes: [] };
  for (const s of sessions) {
    if (s.source !== 'auto' || s.end <= interval.from || s.start >= interval.to) continue;
    const before = s.start < interval.from;
    const after = s.end > interval.to;
    if (!before && !after) changes.deletes.push(s.id);
    else if (before && after) {
      changes.puts.push({ ...s, end: interval.from, updatedAt: nextVersion(s.updatedAt, now) });
      changes.puts.push({ ...s, id: newId(), start: interval.to, createdAt: now, updatedAt: nextVersion(s.updatedAt, now) });
    } else if (before) changes.puts.push({ ...s, end: interval.from, updatedAt: nextVersion(s.updatedAt, now) });
    else changes.puts.push({ ...s, start: interval.to, updatedAt: nextVersion(s.updatedAt, now) });
  }
  return changes;
}
