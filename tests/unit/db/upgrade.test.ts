import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DATABASE_NAME, SocialHoursDatabase } from '../../../lib/db/database';
import { sessionsOverlapping } from '../../../lib/db/session-queries';
import fixture from '../../fixtures/database-v1.json';
import { readBackupContents } from '../../../lib/backup/backup-contents';
import { createBackup, readBackup } from '../../../lib/backup/backup-file';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';

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
    expect(db.verno).toBe(6);
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

/** The schema as version 3 shipped it, when input times could carry fractions of a millisecond. */
function versionThree(): Dexie {
  const db = new Dexie(DATABASE_NAME);
  db.version(1).stores({ sessions: 'id, start, [clientId+start], updatedAt', clients: 'id, name', rules: 'id, clientId, [platform+account]' });
  db.version(2).stores({ edits: 'id, at, *sessionIds' });
  db.version(3).stores({ dayTotals: 'day' });
  return db;
}

describe('a database made by schema version 3', () => {
  it('rounds times stored with fractions, so that a backup of real data restores', async () => {
    await Dexie.delete(DATABASE_NAME);
    const old = versionThree();
    const fractional = { ...fixture.sessions[0]!, start: fixture.sessions[0]!.start + 0.25, end: fixture.sessions[0]!.end - 2345.678, updatedAt: fixture.sessions[0]!.updatedAt + 0.5 };
    await old.table('sessions').bulkPut([fractional, ...fixture.sessions.slice(1)]);
    await old.table('clients').bulkPut(fixture.clients);
    await old.table('rules').bulkPut(fixture.rules);
    await old.table('edits').put({ id: 'e1', at: 1.5, action: 'update', sessionIds: [fractional.id], before: [fractional], after: [fractional] });
    await old.table('dayTotals').put({ day: fixture.sessions[0]!.start, byClient: { '': 1.5 } });
    old.close();

    const db = new SocialHoursDatabase();
    await db.open();
    const sessions = await db.sessions.toArray();
    for (const s of sessions) for (const t of [s.start, s.end, s.createdAt, s.updatedAt]) expect(Number.isInteger(t)).toBe(true);
    const rounded = await db.sessions.get(fractional.id);
    expect([rounded!.start, rounded!.end]).toEqual([fixture.sessions[0]!.start, fixture.sessions[0]!.end - 2346]);
    const edit = await db.edits.get('e1');
    expect([edit!.at, edit!.before[0]!.end]).toEqual([2, fixture.sessions[0]!.end - 2346]);
    expect(await db.dayTotals.count()).toBe(0);

    const file = createBackup(await readBackupContents(db, DEFAULT_SETTINGS), fixture.sessions[0]!.end);
    expect(readBackup(file, file.length)).toMatchObject({ ok: true });
    db.close();
  });
});
