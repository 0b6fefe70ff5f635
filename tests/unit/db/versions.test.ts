import { afterEach, describe, expect, it } from 'vitest';
import { SocialHoursDatabase } from '../../../lib/db/database';
import type { SessionRecord } from '../../../lib/db/records';
import { deleteRemembered } from '../../../lib/db/tombstones';
import { nextVersion } from '../../../lib/db/versions';
import { carveOut } from '../../../lib/sessions/carve';
import { validateSessionUpdate } from '../../../lib/sessions/session-edit';
import { splitSession } from '../../../lib/sessions/split';

// A session last changed on a computer whose clock is an hour ahead of this one.
const HOUR = 3_600_000;
const now = Date.UTC(2026, 10, 30, 10);
const ahead: SessionRecord = {
  id: 's1', start: now - 2 * HOUR, end: now - HOUR, clientId: 'c1', platform: 'facebook', account: 'a', activity: 'browse',
  source: 'auto', createdAt: now - HOUR, updatedAt: now + HOUR,
};

describe('a change wins against the version it changes, whatever the clocks', () => {
  it.each([
    ['clock in step', 1000, 2000, 2000],
    ['clock behind', 5000, 2000, 5001],
    ['same millisecond', 2000, 2000, 2001],
  ])('%s', (_name, previous, at, expected) => {
    expect(nextVersion(previous, at)).toBe(expected);
  });

  it('split, edit and carve on a computer whose clock is behind', () => {
    for (const part of splitSession(ahead, now - 90 * 60_000, 's2', now)!) expect(part.updatedAt).toBeGreaterThan(ahead.updatedAt);
    const edited = validateSessionUpdate(ahead, { end: now - HOUR - 60_000 }, [], now);
    expect(edited.ok && edited.session.updatedAt).toBeGreaterThan(ahead.updatedAt);
    const carved = carveOut([ahead], { from: now - 100 * 60_000, to: now - 80 * 60_000 }, () => 's3', now);
    for (const put of carved.puts) expect(put.updatedAt).toBeGreaterThan(ahead.updatedAt);
  });

  let db: SocialHoursDatabase | null = null;
  afterEach(async () => {
    await db?.delete();
    db = null;
  });

  it('a deletion is dated after the version it deletes', async () => {
    db = new SocialHoursDatabase('versions-test');
    await db.sessions.put(ahead);
    await db.transaction('rw', db.sessions, db.tombstones, () => deleteRemembered(db!, 'sessions', ['s1'], now));
    expect((await db.tombstones.get(['sessions', 's1']))?.deletedAt).toBe(ahead.updatedAt + 1);
  });
});
