import { beforeEach, describe, expect, it } from 'vitest';
import { SessionCommands } from '../../../lib/background/session-commands';
import { SocialHoursDatabase } from '../../../lib/db/database';
import type { ClientRecord, SessionRecord } from '../../../lib/db/records';
import { InvoiceCommands } from '../../../lib/invoices/invoice-commands';
import { parsePageRequest } from '../../../lib/messaging/protocol';

const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).getTime();
const dupont: ClientRecord = { id: 'dupont', name: 'Boulangerie Dupont', color: '#c2410c', archived: false, createdAt: 1 };
const martin: ClientRecord = { id: 'martin', name: 'Garage Martin', color: '#1d4ed8', archived: false, createdAt: 1 };
function session(id: string, start: number, end: number, extra: Partial<SessionRecord> = {}): SessionRecord {
  return { id, start, end, clientId: 'dupont', platform: 'facebook', account: 'boulangerie-dupont', activity: 'browsing', source: 'auto', assignedBy: 'rule', ruleId: 'r1', createdAt: start, updatedAt: end, ...extra };
}

let db: SocialHoursDatabase;
let n = 0;
const newId = () => `id-${++n}`;
let commands: SessionCommands;
const now = at(30, 10);

beforeEach(async () => {
  db = new SocialHoursDatabase();
  await db.delete();
  db = new SocialHoursDatabase();
  await db.clients.bulkPut([dupont, martin]);
  await db.sessions.bulkPut([session('a', at(10, 9), at(10, 10)), session('b', at(10, 10), at(10, 11), { clientId: null, assignedBy: null, ruleId: null })]);
  commands = new SessionCommands(db, newId);
});

async function beforeOf(editId: string | undefined): Promise<SessionRecord[]> {
  return (await db.edits.get(editId!))!.before;
}

describe('undoing a bulk edit', () => {
  it('puts assigned sessions back as they were, rule and all, and keeps the undo in the history', async () => {
    const assigned = await commands.assign(['a', 'b'], 'martin', now);
    expect(assigned).toMatchObject({ ok: true, count: 2, editId: expect.any(String) });
    const undone = await commands.restore(await beforeOf(assigned.ok ? assigned.editId : undefined), now + 1000);
    expect(undone).toMatchObject({ ok: true, count: 2 });
    const [a, b] = await db.sessions.bulkGet(['a', 'b']);
    expect(a).toMatchObject({ clientId: 'dupont', assignedBy: 'rule', ruleId: 'r1', updatedAt: now + 1000 });
    expect(b).toMatchObject({ clientId: null, assignedBy: null, ruleId: null });
    const last = (await db.edits.orderBy('at').last())!;
    expect(last.action).toBe('restore');
    expect(last.before.map((s) => s.clientId)).toEqual(['martin', 'martin']);
  });

  it('brings deleted sessions back, without the deletion that a later backup restore would repeat', async () => {
    const deleted = await commands.remove(['a', 'b'], now);
    expect(await db.sessions.count()).toBe(0);
    expect(await db.tombstones.count()).toBe(2);
    expect((await commands.restore(await beforeOf(deleted.ok ? deleted.editId : undefined), now + 1000)).ok).toBe(true);
    expect((await db.sessions.orderBy('start').toArray()).map((s) => s.id)).toEqual(['a', 'b']);
    expect(await db.tombstones.count()).toBe(0);
  });

  it('refuses, changing nothing, when other time took the place, the client is gone, or the period is invoiced', async () => {
    const deleted = await commands.remove(['a'], now);
    const before = await beforeOf(deleted.ok ? deleted.editId : undefined);
    await db.sessions.put(session('c', at(10, 9, 30), at(10, 9, 45)));
    expect(await commands.restore(before, now)).toEqual({ ok: false, error: 'overlap' });
    await db.sessions.delete('c');
    expect(await commands.restore([{ ...before[0]!, clientId: 'gone' }], now)).toEqual({ ok: false, error: 'unknown-client' });
    expect((await new InvoiceCommands(db, newId).mark('dupont', '2026-11-01', '2026-11-15', now)).ok).toBe(true);
    const edits = await db.edits.count();
    expect(await commands.restore(before, now)).toEqual({ ok: false, error: 'locked' });
    expect(await db.sessions.get('a')).toBeUndefined();
    expect(await db.edits.count()).toBe(edits);
  });

  it('takes sessions from a page only as the session schema allows', () => {
    const good = session('a', at(10, 9), at(10, 10));
    expect(parsePageRequest({ type: 'restore-sessions', sessions: [good] })).not.toBeNull();
    expect(parsePageRequest({ type: 'restore-sessions', sessions: [{ ...good, end: good.start }] })).toBeNull();
    expect(parsePageRequest({ type: 'restore-sessions', sessions: [] })).toBeNull();
  });
});
