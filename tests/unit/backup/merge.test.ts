import { beforeEach, describe, expect, it } from 'vitest';
import { SessionCommands } from '../../../lib/background/session-commands';
import { readBackupContents } from '../../../lib/backup/backup-contents';
import { createBackup, readBackup } from '../../../lib/backup/backup-file';
import { restoreInto } from '../../../lib/backup/restore';
import { SocialHoursDatabase } from '../../../lib/db/database';
import { pastDayTotals } from '../../../lib/db/day-totals';
import { BACKUP_FORMAT, type Backup } from '../../../lib/backup/backup-schema';
import type { ClientRecord, RuleRecord, SessionRecord } from '../../../lib/db/records';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { HOUR, MINUTE } from '../../../lib/time/clock';

const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).getTime();
const client: ClientRecord = { id: 'dupont', name: 'Boulangerie Dupont', color: '#c2410c', archived: false, createdAt: 1 };
function session(id: string, start: number, end: number, extra: Partial<SessionRecord> = {}): SessionRecord {
  return { id, start, end, clientId: 'dupont', platform: 'facebook', account: 'boulangerie-dupont', activity: 'browsing', source: 'auto', createdAt: start, updatedAt: end, ...extra };
}

let db: SocialHoursDatabase;
let ids = 0;
const commands = () => new SessionCommands(db, () => `new-${++ids}`);

async function freshDb(name = 'social-hours'): Promise<SocialHoursDatabase> {
  const d = new SocialHoursDatabase(name);
  await d.delete();
  const opened = new SocialHoursDatabase(name);
  await opened.open();
  return opened;
}

beforeEach(async () => {
  db = await freshDb();
  await db.clients.put(client);
});

async function backupOf(database: SocialHoursDatabase, exportedAt: number): Promise<ReturnType<typeof readBackup> & { ok: true }> {
  const text = createBackup(await readBackupContents(database, DEFAULT_SETTINGS), exportedAt);
  const read = readBackup(text, text.length);
  if (!read.ok) throw new Error(`backup refused: ${JSON.stringify(read.problem)}`);
  return read;
}

async function totalMs(database = db): Promise<number> {
  return (await database.sessions.toArray()).reduce((sum, s) => sum + s.end - s.start, 0);
}

async function state(database = db) {
  return {
    sessions: await database.sessions.orderBy('id').toArray(),
    clients: await database.clients.orderBy('id').toArray(),
    rules: await database.rules.orderBy('id').toArray(),
    tombstones: await database.tombstones.toArray(),
  };
}

describe('restore with deletions', () => {
  it('never brings back a session deleted after the backup was made', async () => {
    await db.sessions.bulkPut([session('a', at(23, 9), at(23, 10)), session('b', at(23, 10), at(23, 11))]);
    const old = await backupOf(db, at(23, 12));
    await commands().remove(['a'], at(24, 8));
    await restoreInto(db, old.backup, at(25, 8));
    expect((await db.sessions.toArray()).map((s) => s.id)).toEqual(['b']);
  });

  it('never brings back the halves of a merge beside the merged session', async () => {
    await db.sessions.bulkPut([session('a', at(23, 9), at(23, 10)), session('b', at(23, 10), at(23, 11))]);
    const old = await backupOf(db, at(23, 12));
    expect((await commands().merge(['a', 'b'], at(24, 8))).ok).toBe(true);
    await restoreInto(db, old.backup, at(25, 8));
    expect(await totalMs()).toBe(2 * HOUR);
  });

  it('carries deletions to another browser: its copy of a deleted session goes', async () => {
    const other = await freshDb('other-browser');
    await other.clients.put(client);
    await db.sessions.put(session('a', at(23, 9), at(23, 10)));
    await other.sessions.put(session('a', at(23, 9), at(23, 10)));
    await commands().remove(['a'], at(24, 8));
    await restoreInto(other, (await backupOf(db, at(24, 9))).backup, at(24, 10));
    expect(await other.sessions.count()).toBe(0);
    other.close();
  });

  it('keeps a local correction made after the file was exported, even when the file claims edits from the future', async () => {
    await db.sessions.put(session('a', at(23, 9), at(23, 10), { note: 'from the file', updatedAt: Date.UTC(2243, 0, 1) }));
    const file = await backupOf(db, at(23, 12));
    await db.sessions.put(session('a', at(23, 9), at(23, 10), { note: 'corrected here', updatedAt: at(24, 8) }));
    await restoreInto(db, file.backup, at(25, 8));
    expect((await db.sessions.get('a'))?.note).toBe('corrected here');
  });

  it('does not bring back a client or a rule deleted since', async () => {
    await db.rules.put({ id: 'r1', clientId: 'dupont', platform: 'facebook', account: 'boulangerie-dupont', urlPattern: null, createdAt: 1 });
    const old = await backupOf(db, at(23, 12));
    await commands().deleteClient('dupont', at(24, 8));
    await restoreInto(db, old.backup, at(25, 8));
    expect(await db.clients.count()).toBe(0);
    expect(await db.rules.count()).toBe(0);
  });

  it('refreshes the per-day totals of the days a restored session leaves and the days it reaches', async () => {
    await db.sessions.put(session('a', at(23, 9), at(23, 10), { updatedAt: at(23, 10) }));
    const today = at(27, 0);
    const before = await pastDayTotals(db, { from: at(23, 0), to: at(25, 0) }, today);
    expect(before.map((d) => d.byClient.dupont ?? 0)).toEqual([HOUR, 0]);
    const other = await freshDb('other-browser');
    await other.clients.put(client);
    await other.sessions.put(session('a', at(24, 9), at(24, 9, 30), { updatedAt: at(25, 8) }));
    await restoreInto(db, (await backupOf(other, at(25, 9))).backup, at(25, 10));
    const after = await pastDayTotals(db, { from: at(23, 0), to: at(25, 0) }, today);
    expect(after.map((d) => d.byClient.dupont ?? 0)).toEqual([0, 30 * MINUTE]);
    other.close();
  });
});

describe('restore is a set union', () => {
  function seeded(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state * 1664525 + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
  }

  /** Two browsers that share a history, then each edit, delete and merge on its own. */
  async function twoDevices(seed: number) {
    const random = seeded(seed);
    const shared = Array.from({ length: 8 }, (_, i) => session(`s${i}`, at(20, 8 + i), at(20, 8 + i, 50)));
    const devices = [await freshDb(`device-a-${seed}`), await freshDb(`device-b-${seed}`)];
    for (const [n, device] of devices.entries()) {
      await device.clients.put(client);
      await device.sessions.bulkPut(shared);
      const run = new SessionCommands(device, () => `d${n}-${++ids}`);
      for (let step = 0; step < 6; step++) {
        const now = at(21, 8) + Math.floor(random() * 10 * HOUR);
        const present = await device.sessions.orderBy('start').toArray();
        if (present.length < 2) break;
        const i = Math.floor(random() * (present.length - 1));
        const choice = random();
        if (choice < 0.3) await run.remove([present[i]!.id], now);
        else if (choice < 0.6) await run.update(present[i]!.id, { note: `edit ${n}.${step}` }, now);
        else await run.merge([present[i]!.id, present[i + 1]!.id], now);
      }
    }
    return devices;
  }

  it('gives the same database whichever of two devices\' files comes first, and restoring again changes nothing', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const [a, b] = await twoDevices(seed);
      const files = [await backupOf(a!, at(22, 9)), await backupOf(b!, at(22, 9))];
      const results = [];
      for (const order of [[0, 1], [1, 0]]) {
        const target = await freshDb(`target-${seed}-${order.join('')}`);
        for (const i of order) await restoreInto(target, files[i]!.backup, at(22, 10));
        const once = await state(target);
        for (const i of order) await restoreInto(target, files[i]!.backup, at(22, 11));
        expect(await state(target), `seed ${seed}: restoring again changed the database`).toEqual(once);
        results.push(once);
        target.close();
      }
      expect(results[1], `seed ${seed}: the order of the files changed the result`).toEqual(results[0]);
      a!.close();
      b!.close();
    }
  });
});

describe('restore keeps the later edit of a client or a rule', () => {
  const fileAt = at(25, 12);
  const file = (extra: Partial<Backup>): Backup => ({ format: BACKUP_FORMAT, version: 2, exportedAt: fileAt, sessions: [], clients: [], rules: [], edits: [], tombstones: [], invoices: [], ...extra });
  const rule: RuleRecord = { id: 'r1', clientId: 'dupont', platform: 'facebook', account: 'boulangerie-dupont', urlPattern: null, createdAt: 1 };
  const renamed = (name: string, updatedAt?: number): ClientRecord => ({ ...client, name, ...(updatedAt === undefined ? {} : { updatedAt }) });
  const ruleFor = (clientId: string, updatedAt?: number): RuleRecord => ({ ...rule, clientId, ...(updatedAt === undefined ? {} : { updatedAt }) });

  it.each([
    ['the file\'s later edit replaces the one here', renamed('Here', at(24, 8)), renamed('File', at(24, 9)), 'File'],
    ['an edit made here after the file\'s stays', renamed('Here', at(24, 9)), renamed('File', at(24, 8)), 'Here'],
    ['a client saved here before edit times were kept loses to a dated edit in the file', renamed('Here'), renamed('File', at(24, 8)), 'File'],
    ['an edit dated after the file was exported counts as made at its export, not later', renamed('Here', at(25, 13)), renamed('File', Date.UTC(2243, 0, 1)), 'Here'],
  ])('clients: %s', async (_name, here, there, expected) => {
    await db.clients.put(here);
    const { counts } = await restoreInto(db, file({ clients: [there] }), at(26, 8));
    expect((await db.clients.get('dupont'))?.name).toBe(expected);
    expect(counts.updated).toBe(expected === 'File' ? 1 : 0);
    expect((await restoreInto(db, file({ clients: [there] }), at(26, 9))).counts, 'restoring again changes nothing').toMatchObject({ added: 0, updated: 0, removed: 0 });
  });

  it.each([
    ['the file\'s later edit replaces the one here', ruleFor('dupont', at(24, 8)), ruleFor('martin', at(24, 9)), 'martin'],
    ['an edit made here after the file\'s stays', ruleFor('dupont', at(24, 9)), ruleFor('martin', at(24, 8)), 'dupont'],
  ])('rules: %s', async (_name, here, there, expected) => {
    const martin = { ...client, id: 'martin', name: 'Fleuriste Martin' };
    await db.clients.put(martin);
    await db.rules.put(here);
    await restoreInto(db, file({ clients: [client, martin], rules: [there] }), at(26, 8));
    expect((await db.rules.get('r1'))?.clientId).toBe(expected);
  });

  it.each([
    ['a deletion in the file after the last edit here removes the client', at(24, 8), at(24, 9), 0],
    ['an edit here after the deletion in the file keeps it', at(24, 9), at(24, 8), 1],
  ])('%s', async (_name, editedAt, deletedAt, expected) => {
    await db.clients.put(renamed('Here', editedAt));
    await restoreInto(db, file({ tombstones: [{ table: 'clients', id: 'dupont', deletedAt }] }), at(26, 8));
    expect(await db.clients.count()).toBe(expected);
  });

  it('an older deletion in the file does not replace the later one remembered here', async () => {
    await db.tombstones.put({ table: 'rules', id: 'r9', deletedAt: at(24, 9) });
    await restoreInto(db, file({ tombstones: [{ table: 'rules', id: 'r9', deletedAt: at(24, 8) }] }), at(26, 8));
    expect(await db.tombstones.get(['rules', 'r9'])).toEqual({ table: 'rules', id: 'r9', deletedAt: at(24, 9) });
  });

  it('gives the same clients whichever of two files with edits of the same client comes first', async () => {
    const files = [file({ clients: [renamed('A', at(24, 8))] }), file({ clients: [renamed('B', at(24, 9))] }), file({ clients: [renamed('C', at(24, 9))] })];
    const results = [];
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 2, 0]]) {
      const target = await freshDb(`clients-${order.join('')}`);
      for (const i of order) await restoreInto(target, files[i]!, at(26, 8));
      results.push(await target.clients.toArray());
      target.close();
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });
});
