import type { SessionRecord } from '../db/records';

/** Splits a session at a moment strictly inside it: the first part keeps the id, the second gets `newId`. */
export function splitSession(session: SessionRecord, at: number, newId: string, now: number): [SessionRecord, SessionRecord] | null {
  if (!(at > session.start && at < session.end)) return null;
  return [
    { ...session, end: at, updatedAt: now },
    { ...session, id: newId, start: at, createdAt: now, updatedAt: now },
  ];
}
