import { describe, expect, it } from 'vitest';
import { SocialHoursDatabase } from '../../../lib/db/database';
import type { SessionRecord } from '../../../lib/db/records';
import { seal, unseal } from '../../../lib/sync/envelope';
import { connect } from '../../../lib/sync/connect';
import { DatabaseSyncStore, loadConnection, saveConnection } from '../../../lib/sync/sync-store';
import * as v from 'valibot';
import { FakeDav } from './fake-dav';

describe('the sync connection kept in the database', () => {
  it('keeps the folder\'s key across restarts, usable and never readable', async () => {
    const now = () => Date.UTC(2026, 10, 30);
    const connected = await connect({ dav: new FakeDav(now), passphrase: 'p', iterations: 1000, now });
    if (!connected.ok) throw new Error(connected.error);
    const db = new SocialHoursDatabase('sync-connection');
    await saveConnection(db, { key: connected.key, device: { id: 'abcdefghijklmnop', name: 'Firefox', member: 'Ana' } });
    db.close();

    const reopened = new SocialHoursDatabase('sync-connection');
    const kept = await loadConnection(reopened);
    expect(kept?.device).toEqual({ id: 'abcdefghijklmnop', name: 'Firefox', member: 'Ana' });
    expect(kept?.key.extractable).toBe(false);
    const file = await seal(connected.key, 'f', 'sealed before the restart');
    expect(await unseal(kept!.key, 'f', file, v.string())).toBe('sealed before the restart');
    await reopened.delete();
  });
});

describe('merging a file into the database', () => {
  const session = (id: string, updatedAt: number): SessionRecord => ({
    id, start: Date.UTC(2026, 10, 2, 9), end: Date.UTC(2026, 10, 2, 10), clientId: null, platform: 'facebook', account: null, activity: 'browsing', source: 'auto', createdAt: updatedAt, updatedAt,
  });

  // The deletions known here are read at once when they are fewer than the file's sessions, one by one otherwise: both ways keep a deleted session out.
  it.each([
    ['fewer deletions here than sessions in the file', 2, 6],
    ['more deletions here than sessions in the file', 9, 2],
  ])('keeps out the sessions deleted here, with %s', async (_, deletions, sessions) => {
    const db = new SocialHoursDatabase(`sync-merge-${deletions}-${sessions}`);
    const deletedAt = Date.UTC(2026, 10, 3);
    await db.tombstones.bulkPut([
      ...Array.from({ length: deletions }, (_, i) => ({ table: 'sessions' as const, id: `deleted-${i}`, deletedAt })),
      // Another table's deletion under a session's id deletes no session.
      { table: 'clients', id: 'kept-0', deletedAt },
    ]);
    const file = [session('deleted-0', deletedAt - 1), session('deleted-1', deletedAt + 1), ...Array.from({ length: sessions - 2 }, (_, i) => session(`kept-${i}`, 1))];
    const counts = await new DatabaseSyncStore(db).mergeFile({ name: 'bbbbbbbbbbbbbbbb.2026-11.sessions', etag: '"e1"' }, { sessions: file, tombstones: [] }, 'aaaaaaaaaaaaaaaa');
    // A version changed after its deletion here comes back.
    expect((await db.sessions.orderBy('id').primaryKeys()).sort()).toEqual(['deleted-1', ...Array.from({ length: sessions - 2 }, (_, i) => `kept-${i}`)].sort());
    expect(counts).toEqual({ added: sessions - 1, updated: 0, removed: 0 });
    await db.delete();
  });
});
