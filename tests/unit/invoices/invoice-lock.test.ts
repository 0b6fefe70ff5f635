import { beforeEach, describe, expect, it } from 'vitest';
import { SessionCommands } from '../../../lib/background/session-commands';
import { readBackupContents } from '../../../lib/backup/backup-contents';
import { createBackup, readBackup } from '../../../lib/backup/backup-file';
import { restoreInto } from '../../../lib/backup/restore';
import { SocialHoursDatabase } from '../../../lib/db/database';
import type { ClientRecord, SessionRecord } from '../../../lib/db/records';
import { InvoiceCommands } from '../../../lib/invoices/invoice-commands';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';

const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).getTime();
const dupont: ClientRecord = { id: 'dupont', name: 'Boulangerie Dupont', color: '#c2410c', archived: false, createdAt: 1 };
const martin: ClientRecord = { id: 'martin', name: 'Garage Martin', color: '#1d4ed8', archived: false, createdAt: 1 };
function session(id: string, start: number, end: number, extra: Partial<SessionRecord> = {}): SessionRecord {
  return { id, start, end, clientId: 'dupont', platform: 'facebook', account: 'boulangerie-dupont', activity: 'browsing', source: 'auto', createdAt: start, updatedAt: end, ...extra };
}

let db: SocialHoursDatabase;
let n = 0;
const newId = () => `id-${++n}`;
let sessions: SessionCommands;
let invoices: InvoiceCommands;
const now = at(30, 10);

beforeEach(async () => {
  db = new SocialHoursDatabase();
  await db.delete();
  db = new SocialHoursDatabase();
  await db.clients.bulkPut([dupont, martin]);
  await db.sessions.bulkPut([
    session('a', at(10, 9), at(10, 10)),
    session('b', at(10, 10), at(10, 11)),
    session('m', at(10, 14), at(10, 15), { clientId: 'martin' }),
    session('u', at(11, 9), at(11, 10), { clientId: null }),
  ]);
  sessions = new SessionCommands(db, newId);
  invoices = new InvoiceCommands(db, newId);
});

async function snapshot() {
  return { sessions: await db.sessions.orderBy('id').toArray(), tombstones: await db.tombstones.count() };
}

describe('invoiced periods', () => {
  it('refuses to invoice a period that has not ended', async () => {
    expect(await invoices.mark('dupont', '2026-11-01', '2026-11-30', now)).toEqual({ ok: false, error: 'period-not-ended' });
    expect(await invoices.mark('dupont', '2026-11-20', '2026-11-10', now)).toEqual({ ok: false, error: 'invalid-period' });
    expect(await invoices.mark('personal', '2026-11-01', '2026-11-15', now)).toEqual({ ok: false, error: 'unknown-client' });
  });

  it('locks the client\'s sessions of the period against every kind of edit', async () => {
    expect((await invoices.mark('dupont', '2026-11-01', '2026-11-15', now)).ok).toBe(true);
    expect(await invoices.mark('dupont', '2026-11-15', '2026-11-20', now)).toEqual({ ok: false, error: 'already-invoiced' });
    const before = await snapshot();
    const attempts = [
      await sessions.update('a', { note: 'changed' }, now),
      await sessions.remove(['a'], now),
      await sessions.merge(['a', 'b'], now),
      await sessions.split('a', at(10, 9, 30), now),
      await sessions.assign(['a'], 'martin', now),
      await sessions.assign(['u'], 'dupont', now),
      await sessions.addManual([session('manual', at(10, 9, 15), at(10, 9, 45), { source: 'manual', platform: 'manual', account: null, activity: 'call' })], now),
      await sessions.deleteClient('dupont', now),
    ];
    expect(attempts.map((r) => (r.ok ? 'ok' : r.error))).toEqual(Array(8).fill('locked'));
    expect(await snapshot()).toEqual(before);
  });

  it('leaves other clients\' time and other periods free', async () => {
    await invoices.mark('dupont', '2026-11-01', '2026-11-09', now);
    expect((await sessions.update('a', { note: 'after the period' }, now)).ok).toBe(true);
    await invoices.mark('dupont', '2026-11-10', '2026-11-10', now);
    expect((await sessions.update('m', { note: 'another client' }, now)).ok).toBe(true);
  });

  it('edits again after an explicit unlock, and the history shows both', async () => {
    await invoices.mark('dupont', '2026-11-01', '2026-11-15', now);
    const invoice = (await db.invoices.toArray())[0]!;
    expect((await invoices.unlock(invoice.id, now + 60_000)).ok).toBe(true);
    expect((await sessions.update('a', { note: 'corrected' }, now + 120_000)).ok).toBe(true);
    const history = await db.edits.where('sessionIds').equals('a').sortBy('at');
    expect(history.map((e) => e.action)).toEqual(['invoiced', 'unlocked', 'update']);
    expect((await db.invoices.get(invoice.id))?.unlockedAt).toBe(now + 60_000);
  });

  it('travels in backups; an unlock on either side wins the merge', async () => {
    await invoices.mark('dupont', '2026-11-01', '2026-11-15', now);
    const locked = createBackup(await readBackupContents(db, DEFAULT_SETTINGS), now + 1000);
    const invoice = (await db.invoices.toArray())[0]!;
    await invoices.unlock(invoice.id, now + 60_000);
    const read = readBackup(locked, locked.length);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    await restoreInto(db, read.backup, now + 120_000);
    expect((await db.invoices.get(invoice.id))?.unlockedAt).toBe(now + 60_000);
  });
});
