import { MAX_SESSION_MS } from '../tracking/settings';
import type { SocialHoursDatabase } from './database';
import type { SessionRecord } from './records';

/** Sessions that overlap [from, to), read through the `start` index: the cost follows the range, not the history. */
export async function sessionsOverlapping(db: SocialHoursDatabase, from: number, to: number): Promise<SessionRecord[]> {
  const candidates = await db.sessions
    .where('start')
    .between(from - MAX_SESSION_MS, to, true, false)
    .toArray();
  return candidates.filter((s) => s.end > from);
}

/** One client's sessions over a range, through `[clientId+start]`. */
export async function clientSessionsOverlapping(
  db: SocialHoursDatabase,
  clientId: string,
  from: number,
  to: number,
): Promise<SessionRecord[]> {
  const candidates = await db.sessions
    .where('[clientId+start]')
    .between([clientId, from - MAX_SESSION_MS], [clientId, to], true, false)
    .toArray();
  return candidates.filter((s) => s.end > from);
}
