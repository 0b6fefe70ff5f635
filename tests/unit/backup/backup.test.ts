import { beforeEach, describe, expect, it } from 'vitest';
import { createBackup, readBackup, type BackupContents } from '../../../lib/backup/backup-file';
import { restoreInto } from '../../../lib/backup/restore';
import { SocialHoursDatabase } from '../../../lib/db/database';
import type { ClientRecord, SessionRecord } from '../../../lib/db/records';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';

const at = (d: number, h: number) => new Date(2026, 10, d, h).getTime();
const client: ClientRecord = { id: 'dupont', name: 'Boulangerie Dupont', color: '#c2410c', archived: false, createdAt: 1, contracts: [{ from: '2026-01-01', period: 'day', hours: 1.5 }], hourlyRate: 40, currency: 'EUR', roundingMinutes: 15 };
function session(id: string, start: number, end: number, extra: Partial<SessionRecord> = {}): SessionRecord {
  return { id, start, end, clientId: 'dupont', platform: 'facebook', account: 'boulangerie-dupont', activity: 'browsing', source: 'auto', createdAt: start, updatedAt: end, ...extra };
}
const contents: BackupContents = {
  sessions: [session('s1', at(23, 9), at(23, 10)), session('s2', at(24, 9), at(24, 9) + 1_800_000, { clientId: null, note: 'à voir' })],
  clients: [client],
  rules: [{ id: 'r1', clientId: 'dupont', platform: 'facebook', account: 'boulangerie-dupont', urlPattern: null, createdAt: 2 }],
  edits: [],
  tombstones: [],
  invoices: [],
  settings: { ...DEFAULT_SETTINGS, weekStartsOn: 0 },
};
const good = createBackup(contents, at(27, 12));
const read = (text: string) => readBackup(text, new TextEncoder().encode(text).length);
const mutate = (change: (json: Record<string, any>) => void) => {
  const json = JSON.parse(good);
  change(json);
  return JSON.stringify(json);
};

let db: SocialHoursDatabase;
beforeEach(async () => {
  db = new SocialHoursDatabase();
  await db.delete();
  db = new SocialHoursDatabase();
  await db.open();
});

async function dump() {
  return { sessions: await db.sessions.orderBy('id').toArray(), clients: await db.clients.toArray(), rules: await db.rules.toArray(), edits: await db.edits.toArray() };
}

describe('reading a backup', () => {
  it('accepts a good file', () => {
    const result = read(good);
    expect(result.ok && result.backup.sessions.length).toBe(2);
  });

  it.each([
    ['not JSON', 'hello', 'not-json'],
    ['truncated', good.slice(0, good.length / 2), 'not-json'],
    ['another JSON document', '{"hello":"world"}', 'not-a-backup'],
    ['a JSON array', '[1,2,3]', 'not-a-backup'],
    ['a newer format version', mutate((j) => (j.version = 3)), 'wrong-version'],
    ['a missing field', mutate((j) => delete j.sessions[0].start), 'invalid'],
    ['a wrong type', mutate((j) => (j.sessions[0].end = 'tomorrow')), 'invalid'],
    ['a negative time', mutate((j) => (j.sessions[0].start = -5)), 'invalid'],
    ['reversed times', mutate((j) => (j.sessions[0].end = j.sessions[0].start - 1)), 'invalid'],
    ['a session over a day long', mutate((j) => (j.sessions[0].end = j.sessions[0].start + 25 * 3_600_000)), 'invalid'],
    ['a duplicate id', mutate((j) => (j.sessions[1].id = 's1')), 'duplicate-id'],
    ['a session of an unknown client', mutate((j) => (j.sessions[0].clientId = 'ghost')), 'unknown-client'],
    ['a rule of an unknown client', mutate((j) => (j.rules[0].clientId = 'ghost')), 'unknown-client'],
    ['a control character in a name', mutate((j) => (j.clients[0].name = 'Dupont\u0007')), 'invalid'],
    ['a client without a name', mutate((j) => (j.clients[0].name = '')), 'invalid'],
    ['a bad colour', mutate((j) => (j.clients[0].color = 'javascript:alert(1)')), 'invalid'],
  ])('refuses %s', (_name, text, code) => {
    const result = read(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe(code);
  });

  it('refuses a very large file before reading it', () => {
    expect(readBackup('{}', 60 * 1024 * 1024)).toEqual({ ok: false, problem: { code: 'too-large', limitMb: 50 } });
  });

  it('says where a record is wrong', () => {
    const result = read(mutate((j) => (j.sessions[1].end = 'x')));
    expect(!result.ok && result.problem).toEqual({ code: 'invalid', where: 'sessions[1].end' });
  });
});

describe('restoring a backup', () => {
  it('into a fresh profile gives the same records and takes the settings', async () => {
    const result = read(good);
    if (!result.ok) throw new Error('expected a good backup');
    const { counts, fresh } = await restoreInto(db, result.backup, at(28, 9));
    expect(fresh).toBe(true);
    expect(counts).toEqual({ added: 4, updated: 0, unchanged: 0, removed: 0 });
    expect((await dump()).sessions).toEqual(contents.sessions);
  });

  it('twice changes nothing the second time', async () => {
    const result = read(good);
    if (!result.ok) throw new Error('expected a good backup');
    await restoreInto(db, result.backup, at(28, 9));
    const before = await dump();
    const again = await restoreInto(db, result.backup, at(28, 9));
    expect(again.counts).toEqual({ added: 0, updated: 0, unchanged: 4, removed: 0 });
    expect(await dump()).toEqual(before);
  });

  it('merges a backup from another browser by id, keeping the later version of a shared session', async () => {
    await db.sessions.bulkPut([{ ...contents.sessions[0]!, note: 'older', updatedAt: 1 }, session('local', at(25, 9), at(25, 10))]);
    await db.clients.put(client);
    const result = read(good);
    if (!result.ok) throw new Error('expected a good backup');
    const { counts, fresh } = await restoreInto(db, result.backup, at(28, 9));
    expect(fresh).toBe(false);
    expect(counts).toEqual({ added: 2, updated: 1, unchanged: 1, removed: 0 });
    expect((await db.sessions.orderBy('id').primaryKeys()).sort()).toEqual(['local', 's1', 's2']);
    expect((await db.sessions.get('s1'))?.note).toBeUndefined();
  });
});
