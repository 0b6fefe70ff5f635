import type { SessionRecord } from '../db/records';
import { nextVersion } from '../db/versions';
import { MAX_SESSION_MS } from '../tracking/settings';
import { MAX_NOTE_LENGTH } from '../schema/session';

export interface SessionUpdate {
  /** undefined: unchanged; null: unassigned. */
  clientId?: string | null;
  start?: number;
  end?: number;
  note?: string;
}

export type SessionEditError = 'end-before-start' | 'too-long' | 'overlap' | 'in-future' | 'note-too-long' | 'merge-different' | 'merge-overlap' | 'merge-one';

/** Applies an edit to a session, or says why it cannot be: times must stay ordered, bounded, in the past, and clear of other sessions. */
export function validateSessionUpdate(
  session: SessionRecord,
  change: SessionUpdate,
  others: readonly SessionRecord[],
  now: number,
): { ok: true; session: SessionRecord } | { ok: false; error: SessionEditError } {
  const start = change.start ?? session.start;
  const end = change.end ?? session.end;
  if (!(end > start)) return { ok: false, error: 'end-before-start' };
  if (end - start > MAX_SESSION_MS) return { ok: false, error: 'too-long' };
  if (end > now + 60_000) return { ok: false, error: 'in-future' };
  if (change.note !== undefined && change.note.length > MAX_NOTE_LENGTH) return { ok: false, error: 'note-too-long' };
  if (others.some((o) => o.id !== session.id && o.start < end && o.end > start)) return { ok: false, error: 'overlap' };
  const updated: SessionRecord = { ...session, start, end, updatedAt: nextVersion(session.updatedAt, now) };
  if (change.clientId !== undefined && change.clientId !== session.clientId) {
    updated.clientId = change.clientId;
    updated.assignedBy = 'user';
    updated.ruleId = null;
  }
  if (change.note !== undefined) {
    const note = change.note.trim();
    if (note) updated.note = note;
    else delete updated.note;
  }
  return { ok: true, session: updated };
}

/**
 * Joins sessions of the same client, platform, account, activity and source into the
 * earliest one, from its start to the latest end. The gaps between them become counted
 * time, so no other session may sit in between.
 */
export function mergeSessions(
  sessions: readonly SessionRecord[],
  between: readonly SessionRecord[],
  now: number,
): { ok: true; session: SessionRecord } | { ok: false; error: SessionEditError } {
  if (sessions.length < 2) return { ok: false, error: 'merge-one' };
  const sorted = [...sessions].sort((a, b) => a.start - b.start);
  const first = sorted[0]!;
  const same = (s: SessionRecord) =>
    s.clientId === first.clientId && s.platform === first.platform && s.account === first.account && s.activity === first.activity && s.source === first.source;
  if (!sorted.every(same)) return { ok: false, error: 'merge-different' };
  const end = Math.max(...sorted.map((s) => s.end));
  if (end - first.start > MAX_SESSION_MS) return { ok: false, error: 'too-long' };
  const ids = new Set(sorted.map((s) => s.id));
  if (between.some((s) => !ids.has(s.id) && s.start < end && s.end > first.start)) return { ok: false, error: 'merge-overlap' };
  const notes = [...new Set(sorted.map((s) => s.note).filter((n): n is string => !!n))];
  const merged: SessionRecord = { ...first, end, updatedAt: nextVersion(Math.max(...sorted.map((s) => s.updatedAt)), now) };
  if (notes.length > 0) merged.note = notes.join(' · ').slice(0, MAX_NOTE_LENGTH);
  return { ok: true, session: merged };
}
