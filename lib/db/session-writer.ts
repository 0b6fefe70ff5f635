import * as v from 'valibot';
import { Time } from '../schema/primitives';
import { SessionSchema } from '../schema/session';
import type { OpenSession, TrackedSession } from '../tracking/session';
import type { TrackerOutput } from '../tracking/tracker';
import type { SocialHoursDatabase } from './database';
import { invalidateDays } from './day-totals';
import { deleteRemembered } from './tombstones';
import type { SessionRecord } from './records';

/** The open session reaches the database at least this often: the most a browser crash can lose. */
export const CHECKPOINT_INTERVAL_MS = 30_000;

/** Writes decided but not known to be done: kept in the tracker's checkpoint so that a new worker finishes them. */
export interface PendingWrites {
  puts: SessionRecord[];
  /** Sessions to delete, with the time of the decision (their tombstone's). */
  deletes: Array<{ id: string; at: number }>;
}

/** The same schema as a backup's sessions: a checkpoint is read as carefully as a file. */
const PendingSchema = v.object({
  puts: v.array(SessionSchema),
  deletes: v.array(
    v.union([
      v.object({ id: v.string(), at: Time }),
      // Checkpoints written before deletions were remembered: the deletion is still due, dated as early as can be.
      v.pipe(v.string(), v.transform((id) => ({ id, at: 0 }))),
    ]),
  ),
});

/** Pending writes as a checkpoint gives them back; anything unreadable is nothing. */
export function readPendingWrites(value: unknown): PendingWrites {
  const parsed = v.safeParse(PendingSchema, value);
  return parsed.success ? (parsed.output as PendingWrites) : { puts: [], deletes: [] };
}

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
  /** Session id → clock reading when it was found empty. */
  private pendingDeletes = new Map<string, number>();
  writes = 0;

  constructor(
    private db: SocialHoursDatabase,
    private checkpointMs = CHECKPOINT_INTERVAL_MS,
  ) {}

  /** Decides what the tracker's output means for the database, without writing yet. */
  stage(output: TrackerOutput, open: OpenSession | null, now: number): void {
    for (const session of output.closed) {
      this.pendingPuts.set(session.id, toRecord(session, now));
      this.written.delete(session.id);
    }
    for (const id of output.discarded) {
      this.pendingPuts.delete(id);
      this.written.delete(id);
      // A copy may be stored by this worker or by one before it (the open session is written as it goes): remove it either way.
      this.pendingDeletes.set(id, now);
    }
    if (open && open.end > open.start) {
      const last = this.written.get(open.id);
      const due = last === undefined ? open.end - open.start >= this.checkpointMs : now - last >= this.checkpointMs;
      if (due) {
        this.pendingPuts.set(open.id, toRecord(open, now));
        this.written.set(open.id, now);
      }
    }
  }

  async record(output: TrackerOutput, open: OpenSession | null, now: number): Promise<void> {
    this.stage(output, open, now);
    await this.write();
  }

  pending(): PendingWrites {
    return { puts: [...this.pendingPuts.values()], deletes: [...this.pendingDeletes].map(([id, at]) => ({ id, at })) };
  }

  /**
   * Takes over what a stopped worker left undone. A record the database holds in a version
   * as new or newer (written after all, or edited by the user since) is not written again.
   */
  async resume(pending: PendingWrites): Promise<void> {
    if (pending.puts.length === 0 && pending.deletes.length === 0) return;
    const stored = await this.db.sessions.bulkGet(pending.puts.map((p) => p.id));
    pending.puts.forEach((record, i) => {
      const current = stored[i];
      if (!current || current.updatedAt < record.updatedAt) this.pendingPuts.set(record.id, record);
    });
    for (const { id, at } of pending.deletes) this.pendingDeletes.set(id, at);
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
  async write(): Promise<void> {
    if (this.pendingPuts.size === 0 && this.pendingDeletes.size === 0) return;
    const puts = [...this.pendingPuts.values()];
    const deletes = [...this.pendingDeletes];
    await this.db.transaction('rw', this.db.sessions, this.db.dayTotals, this.db.tombstones, async () => {
      // A deleted open session started today at the earliest: its day is today's, never cached.
      await invalidateDays(this.db, puts);
      if (puts.length > 0) await this.db.sessions.bulkPut(puts);
      for (const [id, at] of deletes) await deleteRemembered(this.db, 'sessions', [id], at);
    });
    for (const record of puts) if (this.pendingPuts.get(record.id) === record) this.pendingPuts.delete(record.id);
    for (const [id] of deletes) this.pendingDeletes.delete(id);
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
