import { reattributionCandidates } from '../attribution/reattribute';
import type { SocialHoursDatabase } from '../db/database';
import { PERSONAL_CLIENT_ID, type SessionRecord } from '../db/records';
import { sessionsOverlapping } from '../db/session-queries';
import type { CommandResponse } from '../messaging/protocol';
import { carveOut } from '../sessions/carve';
import { splitSession } from '../sessions/split';

/**
 * Changes to stored sessions that the user asks for. They run in the background, inside
 * the tracking queue, after the open session was cut at "now": nothing here races the
 * tracker's own writes.
 */
export class SessionCommands {
  constructor(
    private db: SocialHoursDatabase,
    private newId: () => string,
  ) {}

  /** Adds manual sessions and removes the automatic time they cover. */
  async addManual(sessions: SessionRecord[], now: number): Promise<void> {
    if (sessions.length === 0) return;
    const from = Math.min(...sessions.map((s) => s.start));
    const to = Math.max(...sessions.map((s) => s.end));
    await this.db.transaction('rw', this.db.sessions, async () => {
      const overlapping = await sessionsOverlapping(this.db, from, to);
      for (const session of sessions) {
        const { puts, deletes } = carveOut(overlapping, { from: session.start, to: session.end }, this.newId, now);
        if (deletes.length > 0) await this.db.sessions.bulkDelete(deletes);
        if (puts.length > 0) await this.db.sessions.bulkPut(puts);
      }
      await this.db.sessions.bulkPut(sessions);
    });
  }

  /** Gives sessions to a client (or to personal time, or back to unassigned) by the user's hand: rules never change them again. */
  async assign(ids: readonly string[], clientId: string | null, now: number): Promise<CommandResponse> {
    if (clientId !== null && clientId !== PERSONAL_CLIENT_ID && !(await this.db.clients.get(clientId))) {
      return { ok: false, error: 'unknown-client' };
    }
    const count = await this.db.sessions
      .where('id')
      .anyOf([...ids])
      .modify({ clientId, assignedBy: 'user', ruleId: null, updatedAt: now });
    return { ok: true, count };
  }

  async split(id: string, at: number, now: number): Promise<CommandResponse> {
    return this.db.transaction('rw', this.db.sessions, async () => {
      const session = await this.db.sessions.get(id);
      if (!session) return { ok: false, error: 'unknown-session' };
      const parts = splitSession(session, at, this.newId(), now);
      if (!parts) return { ok: false, error: 'split-outside' };
      await this.db.sessions.bulkPut(parts);
      return { ok: true, count: 2 };
    });
  }

  /** Applies a new rule to the past unassigned time it matches. */
  async reattribute(ruleId: string, now: number): Promise<CommandResponse> {
    return this.db.transaction('rw', this.db.sessions, this.db.rules, this.db.clients, async () => {
      const rule = await this.db.rules.get(ruleId);
      if (!rule) return { ok: false, error: 'unknown-rule' };
      const client = await this.db.clients.get(rule.clientId);
      if (!client || client.archived) return { ok: false, error: 'unknown-client' };
      const candidates = reattributionCandidates(rule, await this.unassigned());
      await this.db.sessions.bulkPut(candidates.map((s) => ({ ...s, clientId: rule.clientId, assignedBy: 'rule' as const, ruleId, updatedAt: now })));
      return { ok: true, count: candidates.length };
    });
  }

  /** Deletes a client and its rules; its sessions are kept, unassigned. */
  async deleteClient(clientId: string, now: number): Promise<CommandResponse> {
    return this.db.transaction('rw', this.db.sessions, this.db.rules, this.db.clients, async () => {
      if (!(await this.db.clients.get(clientId))) return { ok: false, error: 'unknown-client' };
      const count = await this.db.sessions
        .where('[clientId+start]')
        .between([clientId, -Infinity], [clientId, Infinity])
        .modify({ clientId: null, assignedBy: null, ruleId: null, updatedAt: now });
      await this.db.rules.where('clientId').equals(clientId).delete();
      await this.db.clients.delete(clientId);
      return { ok: true, count };
    });
  }

  /** Every unassigned session: there is no index on a null client, so this reads them all (a rare, user-started action). */
  private unassigned(): Promise<SessionRecord[]> {
    return this.db.sessions.filter((s) => s.clientId === null).toArray();
  }
}
