import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DATABASE_NAME, SocialHoursDatabase } from '../../../lib/db/database';
import { sessionsOverlapping } from '../../../lib/db/session-queries';
import fixture from '../../fixtures/database-v1.json';

/** The schema as version 1 shipped it: kept here so the upgrade is tested from what users really have. */
function versionOne(): Dexie {
  const db = new Dexie(DATABASE_NAME);
  db.version(1).stores({
    sessions: 'id, start, [clientId+start], updatedAt',
    clients: 'id, name',
    rules: 'id, clientId, [platform+account]',
  });
  return db;
}

describe('a database made by schema version 1', () => {
  it('upgrades to the current schema with every record intact and every index working', async () => {
    await Dexie.delete(DATABASE_NAME);
    const old = versionOne();
    await old.table('sessions').bulkPut(fixture.sessions);
    await old.table('clients').bulkPut(fixture.clients);
    await old.table('rules').bulkPut(fixture.rules);
    expect(old.verno).toBe(1);
    old.close();

    const db = new SocialHoursDatabase();
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.sessions.orderBy('id').toArray()).toEqual(fixture.sessions);
    expect(await db.clients.toArray()).toEqual(fixture.clients);
    expect(await db.rules.toArray()).toEqual(fixture.rules);
    expect(await db.edits.count()).toBe(0);
    expect(await db.dayTotals.count()).toBe(0);
    const first = fixture.sessions[0]!;
    expect((await sessionsOverlapping(db, first.start, first.start + 86_400_000)).length).toBe(3);
    expect(await db.sessions.where('[clientId+start]').between(['c-dupont', 0], ['c-dupont', Infinity]).count()).toBe(2);
    db.close();
  });
});
