import type { OpenSession, TrackedSession } from '../tracking/session';
import type { TrackerOutput } from '../tracking/tracker';
import type { SocialHoursDatabase } from './database';
import { invalidateDays } from './day-totals';
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
  /** Records not yet in the database: a failed write leaves them here, and the next one retries. */
  private pendingPuts = new Map<string, SessionRecord>();
  private pendingDeletes = new Set<string>();
  writes = 0;

  constructor(
    private db: SocialHoursDatabase,
    private checkpointMs = CHECKPOINT_INTERVAL_MS,
  ) {}

  async record(output: TrackerOutput, open: OpenSession | null, now: number): Promise<void> {
    for (const session of output.closed) {
      this.pendingPuts.set(session.id, toRecord(session, now));
      this.written.delete(session.id);
    }
    for (const id of output.discarded) {
      this.pendingPuts.delete(id);
      if (this.written.delete(id)) this.pendingDeletes.add(id);
    }
    if (open && open.end > open.start) {
      const last = this.written.get(open.id);
      const due = last === undefined ? open.end - open.start >= this.checkpointMs : now - last >= this.checkpointMs;
      if (due) {
        this.pendingPuts.set(open.id, toRecord(open, now));
        this.written.set(open.id, now);
      }
    }
    await this.write();
  }

  /** Writes the open session now, whatever the interval: before a suspension, or when asked. */
  async flush(open: OpenSession | null, now: number): Promise<void> {
    if (open && open.end > open.start) {
      this.pendingPuts.set(open.id, toRecord(open, now));
      this.written.set(open.id, now);
    }
    await this.write();
  }

  /** One transaction for everything pending; on failure it all stays pending for the next attempt. */
  private async write(): Promise<void> {
    if (this.pendingPuts.size === 0 && this.pendingDeletes.size === 0) return;
    const puts = [...this.pendingPuts.values()];
    const deletes = [...this.pendingDeletes];
    await this.db.transaction('rw', this.db.sessions, this.db.dayTotals, async () => {
      // A deleted open session started today at the earliest: its day is today's, never cached.
      await invalidateDays(this.db, puts);
      if (puts.length > 0) await this.db.sessions.bulkPut(puts);
      if (deletes.length > 0) await this.db.sessions.bulkDelete(deletes);
    });
    for (const record of puts) if (this.pendingPuts.get(record.id) === record) this.pendingPuts.delete(record.id);
    for (const id of deletes) this.pendingDeletes.delete(id);
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
    assignedBy: session.assignedBy,
    ruleId: session.ruleId,
    page: session.page,
    createdAt: session.start,
    updatedAt: now,
  };
}
