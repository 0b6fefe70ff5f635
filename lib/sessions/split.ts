import type { SessionRecord } from '../db/records';
import { nextVersion } from '../db/versions';

/** Splits a session at a moment strictly inside it: the first part keeps the id, the second gets `newId`. */
export function splitSession(session: SessionRecord, at: number, newId: string, now: number): [SessionRecord, SessionRecord] | null {
  if (!(at > session.start && at < session.end)) return null;
  return [
    { ...session, end: at, updatedAt: nextVersion(session.updatedAt, now) },
    { ...session, id: newId, start: at, createdAt: now, updatedAt: nextVersion(session.updatedAt, now) },
  ];
}
