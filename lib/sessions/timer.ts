import { MANUAL_PLATFORM, type ManualKind, type SessionRecord } from '../db/records';
import { MAX_SESSION_MS } from '../tracking/settings';

/** Time away from the browser being timed. Kept in extension storage: it survives a browser restart. */
export interface RunningTimer {
  clientId: string;
  kind: ManualKind;
  startedAt: number;
  note?: string;
}

/**
 * A timer stopped sooner than this was started by mistake (start and stop at once): it
 * leaves nothing, rather than a two-second "Call" to delete by hand.
 */
export const MIN_TIMER_MS = 60_000;

/**
 * The manual sessions a stopped timer leaves: none for a timer shorter than MIN_TIMER_MS,
 * one, or several of at most MAX_SESSION_MS for a timer left running very long (the last
 * piece of those is kept however short: it is the end of real work).
 */
export function timerSessions(timer: RunningTimer, stoppedAt: number, newId: () => string): SessionRecord[] {
  const sessions: SessionRecord[] = [];
  if (stoppedAt - timer.startedAt < MIN_TIMER_MS) return sessions;
  for (let start = timer.startedAt; start < stoppedAt; start += MAX_SESSION_MS) {
    sessions.push({
      id: newId(),
      start,
      end: Math.min(stoppedAt, start + MAX_SESSION_MS),
      clientId: timer.clientId,
      platform: MANUAL_PLATFORM,
      account: null,
      activity: timer.kind,
      source: 'manual',
      ...(timer.note ? { note: timer.note } : {}),
      assignedBy: 'user',
      ruleId: null,
      page: null,
      createdAt: stoppedAt,
      updatedAt: stoppedAt,
    });
  }
  return sessions;
}
