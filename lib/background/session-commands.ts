import { reattributionCandidates } from '../attribution/reattribute';
import type { SocialHoursDatabase } from '../db/database';
import { PERSONAL_CLIENT_ID, type EditAction, type InvoiceRecord, type SessionRecord } from '../db/records';
import { touchesLocked } from '../invoices/locks';
import { firstOverlap } from '../schema/session';
import { invalidateDays } from '../db/day-totals';
import { sessionsOverlapping } from '../db/session-queries';
import { deleteRemembered } from '../db/tombstones';
import { nextVersion } from '../db/versions';
import { loadConnection } from '../sync/sync-store';
import type { CommandResponse } from '../messaging/protocol';
import { carveOut } from '../sessions/carve';
import { mergeSessions, validateSessionUpdate, type SessionUpdate } from '../sessions/session-edit';
import { splitSession } from '../sessions/split';

/** Time of an invoiced period is not changed until the user unlocks it. */
const LOCKED: CommandResponse = { ok: false, error: 'locked' };

/**
 * Changes to stored sessions that the user asks for. They run in the background, inside
 * the tracking queue, after the open session was cut at "now": nothing here races the
 * tracker's own writes. Every change leaves an edit record with the sessions before and after.
 */
export class SessionCommands {
  constructor(
    private db: SocialHoursDatabase,
    private newId: () => string,
  ) {}

  /** Adds manual sessions and removes the automatic time they cover. */
  async addManual(sessions: SessionRecord[], now: number): Promise<CommandResponse> {
    if (sessions.length === 0) return { ok: true, count: 0 };
    const from = Math.min(...sessions.map((s) => s.start));
    const to = Math.max(...sessions.map((s) => s.end));
    return this.db.transaction('rw', [this.db.sessions, this.db.edits, this.db.dayTotals, this.db.tombstones, this.db.invoices, this.db.syncConfig], async () => {
      const recorder = await this.recorders();
      const overlapping = (await sessionsOverlapping(this.db, from, to)).filter((s) => recorder(s) === recorder(sessions[0]!));
      if (await this.locked([...sessions, ...overlapping.filter((s) => sessions.some((m) => s.start < m.end && s.end > m.start))])) return LOCKED;
      for (const session of sessions) {
        const { puts, deletes } = carveOut(overlapping, { from: session.start, to: session.end }, this.newId, now);
        const before = overlapping.filter((s) => deletes.includes(s.id) || puts.some((p) => p.id === s.id));
        await deleteRemembered(this.db, 'sessions', deletes, now);
        if (puts.length > 0) await this.db.sessions.bulkPut(puts);
        if (before.length > 0) await this.record('manual-overlap', before, [...puts, session], now);
      }
      await this.db.sessions.bulkPut(sessions);
      await invalidateDays(this.db, sessions);
      return { ok: true, count: sessions.length };
    });
  }

  /** Gives sessions to a client (or to personal time, or back to unassigned) by the user's hand: rules never change them again. */
  async assign(ids: readonly string[], clientId: string | null, now: number): Promise<CommandResponse> {
    if (clientId !== null && clientId !== PERSONAL_CLIENT_ID && !(await this.db.clients.get(clientId))) {
      return { ok: false, error: 'unknown-client' };
    }
    return this.db.transaction('rw', [this.db.sessions, this.db.edits, this.db.dayTotals, this.db.invoices], async () => {
      const before = (await this.db.sessions.bulkGet([...ids])).filter((s): s is SessionRecord => s !== undefined);
      const after = before.map((s) => ({ ...s, clientId, assignedBy: 'user' as const, ruleId: null, updatedAt: nextVersion(s.updatedAt, now) }));
      if (await this.locked([...before, ...after])) return LOCKED;
      await this.db.sessions.bulkPut(after);
      const editId = await this.record('assign', before, after, now);
      return { ok: true, count: after.length, ...editId };
    });
  }

  async split(id: string, at: number, now: number): Promise<CommandResponse> {
    return this.db.transaction('rw', [this.db.sessions, this.db.edits, this.db.dayTotals, this.db.invoices], async () => {
      const session = await this.db.sessions.get(id);
      if (!session) return { ok: false, error: 'unknown-session' };
      const parts = splitSession(session, at, this.newId(), now);
      if (!parts) return { ok: false, error: 'split-outside' };
      if (await this.locked([session])) return LOCKED;
      await this.db.sessions.bulkPut(parts);
      await this.record('split', [session], parts, now);
      return { ok: true, count: 2 };
    });
  }

  /** Changes a session's client, times or note, refusing times that would overlap another session. */
  async update(id: string, change: SessionUpdate, now: number): Promise<CommandResponse> {
    return this.db.transaction('rw', [this.db.sessions, this.db.clients, this.db.edits, this.db.dayTotals, this.db.invoices, this.db.syncConfig], async () => {
      const session = await this.db.sessions.get(id);
      if (!session) return { ok: false, error: 'unknown-session' };
      const recorder = await this.recorders();
      if (change.clientId && change.clientId !== PERSONAL_CLIENT_ID && !(await this.db.clients.get(change.clientId))) {
        return { ok: false, error: 'unknown-client' };
      }
      const start = change.start ?? session.start;
      const end = change.end ?? session.end;
      const neighbours = (await sessionsOverlapping(this.db, start, end)).filter((s) => s.id !== id && recorder(s) === recorder(session));
      const checked = validateSessionUpdate(session, change, neighbours, now);
      if (!checked.ok) return { ok: false, error: checked.error };
      if (await this.locked([session, checked.session])) return LOCKED;
      await this.db.sessions.put(checked.session);
      await this.record('update', [session], [checked.session], now);
      return { ok: true, count: 1 };
    });
  }

  async remove(ids: readonly string[], now: number): Promise<CommandResponse> {
    return this.db.transaction('rw', [this.db.sessions, this.db.edits, this.db.dayTotals, this.db.tombstones, this.db.invoices], async () => {
      const before = (await this.db.sessions.bulkGet([...ids])).filter((s): s is SessionRecord => s !== undefined);
      if (await this.locked(before)) return LOCKED;
      await deleteRemembered(this.db, 'sessions', before.map((s) => s.id), now);
      const editId = await this.record('delete', before, [], now);
      return { ok: true, count: before.length, ...editId };
    });
  }

  /**
   * Puts sessions back as an edit record's `before` has them: the undo of an assignment or a
   * deletion. Refused, changing nothing, when their time is invoiced (then or now), when
   * their client is gone, or when other time has taken their place meanwhile.
   */
  async restore(sessions: readonly SessionRecord[], now: number): Promise<CommandResponse> {
    if (sessions.length === 0) return { ok: true, count: 0 };
    if (firstOverlap(sessions) !== null) return { ok: false, error: 'overlap' };
    const ids = new Set(sessions.map((s) => s.id));
    const clientIds = [...new Set(sessions.map((s) => s.clientId))].filter((id): id is string => id !== null && id !== PERSONAL_CLIENT_ID);
    return this.db.transaction('rw', [this.db.sessions, this.db.clients, this.db.edits, this.db.dayTotals, this.db.tombstones, this.db.invoices, this.db.syncConfig], async () => {
      if ((await this.db.clients.bulkGet(clientIds)).some((c) => c === undefined)) return { ok: false, error: 'unknown-client' };
      const current = (await this.db.sessions.bulkGet([...ids])).filter((s): s is SessionRecord => s !== undefined);
      // Newer than their deletion and than what replaced them: a backup restored or a sync merged later does not take them away again.
      const deleted = new Map((await this.db.tombstones.bulkGet([...ids].map((id) => ['sessions', id] as [string, string]))).filter((t) => t !== undefined).map((t) => [t!.id, t!.deletedAt]));
      const latest = new Map(current.map((s) => [s.id, s.updatedAt]));
      const restored = sessions.map((s) => ({ ...s, updatedAt: nextVersion(Math.max(s.updatedAt, latest.get(s.id) ?? 0, deleted.get(s.id) ?? 0), now) }));
      const recorder = await this.recorders();
      const others = (await sessionsOverlapping(this.db, Math.min(...sessions.map((s) => s.start)), Math.max(...sessions.map((s) => s.end)))).filter((s) => !ids.has(s.id));
      if (others.some((o) => restored.some((r) => recorder(o) === recorder(r) && o.start < r.end && o.end > r.start))) return { ok: false, error: 'overlap' };
      if (await this.locked([...current, ...restored])) return LOCKED;
      await this.db.sessions.bulkPut(restored);
      await this.db.tombstones.bulkDelete([...ids].map((id) => ['sessions', id] as [string, string]));
      const editId = await this.record('restore', current, restored, now);
      return { ok: true, count: restored.length, ...editId };
    });
  }

  /** Joins neighbouring sessions of the same client, platform, account and activity into the first. */
  async merge(ids: readonly string[], now: number): Promise<CommandResponse> {
    return this.db.transaction('rw', [this.db.sessions, this.db.edits, this.db.dayTotals, this.db.tombstones, this.db.invoices, this.db.syncConfig], async () => {
      const sessions = (await this.db.sessions.bulkGet([...ids])).filter((s): s is SessionRecord => s !== undefined);
      if (sessions.length !== ids.length) return { ok: false, error: 'unknown-session' };
      const recorder = await this.recorders();
      if (new Set(sessions.map(recorder)).size > 1) return { ok: false, error: 'merge-different' };
      const between = (await sessionsOverlapping(this.db, Math.min(...sessions.map((s) => s.start)), Math.max(...sessions.map((s) => s.end)))).filter((s) => recorder(s) === recorder(sessions[0]!));
      const merged = mergeSessions(sessions, between, now);
      if (!merged.ok) return { ok: false, error: merged.error };
      if (await this.locked(sessions)) return LOCKED;
      await deleteRemembered(this.db, 'sessions', sessions.map((s) => s.id).filter((sid) => sid !== merged.session.id), now);
      await this.db.sessions.put(merged.session);
      await this.record('merge', sessions, [merged.session], now);
      return { ok: true, count: sessions.length };
    });
  }

  /** Applies a new rule to the past unassigned time it matches. */
  async reattribute(ruleId: string, now: number): Promise<CommandResponse> {
    return this.db.transaction('rw', [this.db.sessions, this.db.rules, this.db.clients, this.db.edits, this.db.dayTotals, this.db.invoices], async () => {
      const rule = await this.db.rules.get(ruleId);
      if (!rule) return { ok: false, error: 'unknown-rule' };
      const client = await this.db.clients.get(rule.clientId);
      if (rule.clientId !== PERSONAL_CLIENT_ID && (!client || client.archived)) return { ok: false, error: 'unknown-client' };
      const candidates = reattributionCandidates(rule, await this.unassigned());
      const invoices = await this.activeInvoices();
      // Past time of an invoiced period stays as it was billed: the rule takes the rest.
      const after = candidates
        .map((s) => ({ ...s, clientId: rule.clientId, assignedBy: 'rule' as const, ruleId, updatedAt: nextVersion(s.updatedAt, now) }))
        .filter((s) => !touchesLocked(invoices, [s]));
      const changed = new Set(after.map((s) => s.id));
      const before = candidates.filter((s) => changed.has(s.id));
      await this.db.sessions.bulkPut(after);
      await this.record('reattribute', before, after, now);
      return { ok: true, count: after.length };
    });
  }

  /** Deletes a client and its rules; its sessions are kept, unassigned. */
  async deleteClient(clientId: string, now: number): Promise<CommandResponse> {
    return this.db.transaction('rw', [this.db.sessions, this.db.rules, this.db.clients, this.db.edits, this.db.dayTotals, this.db.tombstones, this.db.invoices], async () => {
      if (!(await this.db.clients.get(clientId))) return { ok: false, error: 'unknown-client' };
      if ((await this.activeInvoices()).some((i) => i.clientId === clientId)) return LOCKED;
      const before = await this.db.sessions.where('[clientId+start]').between([clientId, -Infinity], [clientId, Infinity]).toArray();
      const after = before.map((s) => ({ ...s, clientId: null, assignedBy: null, ruleId: null, updatedAt: nextVersion(s.updatedAt, now) }));
      await this.db.sessions.bulkPut(after);
      await deleteRemembered(this.db, 'rules', (await this.db.rules.where('clientId').equals(clientId).primaryKeys()) as string[], now);
      await deleteRemembered(this.db, 'clients', [clientId], now);
      await this.record('client-deleted', before, after, now);
      return { ok: true, count: before.length };
    });
  }

  private async activeInvoices(): Promise<InvoiceRecord[]> {
    return (await this.db.invoices.toArray()).filter((i) => i.unlockedAt === null);
  }

  /**
   * Whose timeline a session is on: the device that recorded it, this browser's for time not
   * yet published. Members of an agency work at the same time: a manual entry or an edit here
   * cuts into, or is refused by, this browser's own time only, never another member's.
   */
  private async recorders(): Promise<(session: Pick<SessionRecord, 'recordedBy'>) => string> {
    const self = (await loadConnection(this.db))?.device.id ?? '';
    return (session) => session.recordedBy ?? self;
  }

  private async locked(sessions: readonly SessionRecord[]): Promise<boolean> {
    return touchesLocked(await this.activeInvoices(), sessions);
  }

  /** Keeps the change in the history; its id (for a response: `{ editId }`) lets the page offer to undo it. */
  private async record(action: EditAction, before: SessionRecord[], after: SessionRecord[], now: number): Promise<{ editId?: string }> {
    if (before.length === 0 && after.length === 0) return {};
    await invalidateDays(this.db, [...before, ...after]);
    const sessionIds = [...new Set([...before, ...after].map((s) => s.id))];
    const id = this.newId();
    await this.db.edits.put({ id, at: now, action, sessionIds, before, after });
    return { editId: id };
  }

  /** Every unassigned session: there is no index on a null client, so this reads them all (a rare, user-started action). */
  private unassigned(): Promise<SessionRecord[]> {
    return this.db.sessions.filter((s) => s.clientId === null).toArray();
  }
}
