import { MANUAL_PLATFORM, type ManualKind, type SessionRecord } from '../db/records';
import { MAX_SESSION_MS } from '../tracking/settings';

/** Time away from the browser being timed. Kept in extension storage: it survives a browser restart. */
export interface RunningTimer {
  clientId: string;
  kind: ManualKind;
  startedAt: number;
  note?: string;
}

/** The manual sessions a stopped timer leaves: one, or several of at most MAX_SESSION_MS for a timer left running very long. */
export function timerSessions(timer: RunningTimer, stoppedAt: number, newId: () => string): SessionRecord[] {
  const sessions: SessionRecord[] = [];
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
