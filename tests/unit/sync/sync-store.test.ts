import { describe, expect, it } from 'vitest';
import { SocialHoursDatabase } from '../../../lib/db/database';
import { seal, unseal } from '../../../lib/sync/envelope';
import { connect } from '../../../lib/sync/connect';
import { loadConnection, saveConnection } from '../../../lib/sync/sync-store';
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
