import type { SessionRecord, TombstoneRecord } from '../db/records';
import { canonical } from '../db/versions';

/** A session whose local version came unchanged from another device's file: that device publishes it, not this one. */
export const isUnchangedImport = (session: SessionRecord): boolean => session.remoteVersion === session.updatedAt;

/**
 * The copies of a month's sessions this device publishes: every one it recorded or changed,
 * stamped with its id when no device is named yet (its member's time), without the local
 * `remoteVersion`, in id order so the same sessions always make the same file.
 */
export function publishedSessions(sessions: readonly SessionRecord[], deviceId: string): SessionRecord[] {
  return sessions
    .filter((s) => !isUnchangedImport(s))
    .map(({ remoteVersion: _, ...s }) => ({ ...s, recordedBy: s.recordedBy ?? deviceId }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function publishedTombstones(tombstones: readonly TombstoneRecord[]): TombstoneRecord[] {
  return tombstones.filter((t) => t.table === 'sessions').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A digest of a file's contents before encryption (whose random IV makes every upload
 * different): equal contents, whatever the order of their fields, are not uploaded again.
 */
export async function contentHash(contents: unknown): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical(contents)));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
