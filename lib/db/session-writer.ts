import type { OpenSession, TrackedSession } from '../tracking/session';
import type { TrackerOutput } from '../tracking/tracker';
import type { SocialHoursDatabase } from './database';
import type { SessionRecord } from './records';

/** The open session reaches the database at least this often: the most a browser crash can lose. */
export const CHECKPOINT_INTERVAL_MS = 30_000;

/**
 * Writes what the tracker produces, coalesced: a closed session is written once, and the
 * open one at most once per checkpoint interval, so an engaged hour costs about 120 writes
 * plus one per session, instead of one per event.
 */
export class SessionWriter {
  /** Open session id → clock reading of its last write. */
  private written = new Map<string, number>();
  writes = 0;

  constructor(
    private db: SocialHoursDatabase,
    private checkpointMs = CHECKPOINT_INTERVAL_MS,
  ) {}

  async record(output: TrackerOutput, open: OpenSession | null, now: number): Promise<void> {
    const puts: SessionRecord[] = output.closed.map((s) => toRecord(s, now));
    const deletes = output.discarded.filter((id) => this.written.has(id));
    for (const s of output.closed) this.written.delete(s.id);
    for (const id of output.discarded) this.written.delete(id);

    if (open && open.end > open.start) {
      const last = this.written.get(open.id);
      const due = last === undefined ? open.end - open.start >= this.checkpointMs : now - last >= this.checkpointMs;
      if (due) {
        puts.push(toRecord(open, now));
        this.written.set(open.id, now);
      }
    }
    if (puts.length === 0 && deletes.length === 0) return;
    await this.db.transaction('rw', this.db.sessions, async () => {
      if (puts.length > 0) await this.db.sessions.bulkPut(puts);
      if (deletes.length > 0) await this.db.sessions.bulkDelete(deletes);
    });
    this.writes += 1;
  }

  /** Writes the open session now, whatever the interval: before a suspension, or when asked. */
  async flush(open: OpenSession | null, now: number): Promise<void> {
    if (!open || open.end <= open.start) return;
    await this.db.sessions.put(toRecord(open, now));
    this.written.set(open.id, now);
    this.writes += 1;
  }
}

function toRecord(session: TrackedSession | OpenSession, now: number): SessionRecord {
  return {
    id: session.id,
    start: session.start,
    end: session.end,
    clientId: session.clientId,
    platform: session.platform,
    account: session.account,
    activity: session.activity,
    source: 'auto',
    createdAt: session.start,
    updatedAt: now,
  };
}
