import { beforeEach, describe, expect, it } from 'vitest';
import { TrackingService } from '../../../lib/background/tracking-service';
import { createBackup } from '../../../lib/backup/backup-file';
import { SocialHoursDatabase } from '../../../lib/db/database';
import type { ClientRecord, SessionRecord } from '../../../lib/db/records';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/settings';

const at = (h: number) => new Date(2026, 10, 24, h).getTime();
const client: ClientRecord = { id: 'dupont', name: 'Boulangerie Dupont', color: '#c2410c', archived: false, createdAt: 1 };
const session = (id: string, h: number, extra: Partial<SessionRecord> = {}): SessionRecord => ({
  id, start: at(h), end: at(h) + 1_800_000, clientId: 'dupont', platform: 'facebook', account: 'boulangerie-dupont', activity: 'browsing', source: 'auto', createdAt: at(h), updatedAt: at(h), ...extra,
});
const good = createBackup({ sessions: [session('b1', 14), session('b2', 15)], clients: [client], rules: [], edits: [], tombstones: [], invoices: [], settings: DEFAULT_SETTINGS }, at(20));
const mutate = (change: (json: Record<string, any>) => void) => {
  const json = JSON.parse(good);
  change(json);
  return JSON.stringify(json);
};

let db: SocialHoursDatabase;
let savedSettings: Settings | null;

beforeEach(async () => {
  db = new SocialHoursDatabase();
  await db.delete();
  db = new SocialHoursDatabase();
  await db.clients.put({ ...client, name: 'Dupont (local)' });
  await db.sessions.bulkPut([session('local1', 9), session('local2', 10, { clientId: null })]);
  savedSettings = null;
});

function service(): TrackingService {
  return new TrackingService(
    {
      db,
      clock: () => at(21),
      newId: () => crypto.randomUUID(),
      loadCheckpoint: async () => undefined,
      saveCheckpoint: async () => {},
      readBrowserState: async () => ({ focusedWindowId: null, activeTabs: [], idle: 'active' }),
      readView: async () => ({ focusedWindowId: null, activeTab: null }),
      setWakeups: async () => {},
      wakeAt: async () => {},
      saveDurable: async () => {},
      saveSettings: async (settings) => {
        savedSettings = settings;
      },
    },
    { settings: DEFAULT_SETTINGS, rules: [], clients: [client], paused: false, timer: null, override: null, away: null },
  );
}

async function dump(): Promise<string> {
  const [sessions, clients, rules, edits] = await Promise.all([db.sessions.orderBy('id').toArray(), db.clients.toArray(), db.rules.toArray(), db.edits.toArray()]);
  return JSON.stringify({ sessions, clients, rules, edits });
}

const BAD_FILES: Array<[string, string, number?]> = [
  ['not JSON at all', 'Bonjour, voici mes heures'],
  ['an empty file', ''],
  ['a truncated file', good.slice(0, Math.floor(good.length * 0.7))],
  ['an HTML page saved by mistake', '<!doctype html><html><body><script>alert(1)</script></body></html>'],
  ['another JSON document', '{"name":"package","version":"1.0.0"}'],
  ['a format version from the future', mutate((j) => (j.version = 99))],
  ['a version written as text', mutate((j) => (j.version = '1'))],
  ['sessions missing', mutate((j) => delete j.sessions)],
  ['a session without an end', mutate((j) => delete j.sessions[0].end)],
  ['a start written as a date string', mutate((j) => (j.sessions[0].start = '2026-11-24T14:00:00'))],
  ['a negative time', mutate((j) => (j.sessions[1].start = -60_000))],
  ['an end before the start', mutate((j) => (j.sessions[1].end = j.sessions[1].start - 1000))],
  ['the same session id twice', mutate((j) => (j.sessions[1].id = 'b1'))],
  ['a session of a client not in the file', mutate((j) => (j.sessions[0].clientId = 'someone-else'))],
  ['a client name with control characters', mutate((j) => (j.clients[0].name = 'Dupont\u0000\u001b[31m'))],
  ['a colour that is script', mutate((j) => (j.clients[0].color = 'javascript:alert(1)'))],
  ['an unknown source', mutate((j) => (j.sessions[0].source = 'imported'))],
  ['a file over the size limit', good, 60 * 1024 * 1024],
  ['a contract from a date that does not exist', mutate((j) => (j.clients[0].contracts = [{ from: '2026-02-31', period: 'month', hours: 20 }]))],
  ['a daily contract of more hours than a day has', mutate((j) => (j.clients[0].contracts = [{ from: '2026-01-01', period: 'day', hours: 744 }]))],
  ['a rule that names nothing', mutate((j) => (j.rules = [{ id: 'r1', clientId: 'dupont', platform: null, account: null, urlPattern: null, createdAt: 1 }]))],
  ['a rule whose pattern matches everything', mutate((j) => (j.rules = [{ id: 'r1', clientId: 'dupont', platform: null, account: null, urlPattern: '*', createdAt: 1 }]))],
  ['a rule with both an account and a pattern', mutate((j) => (j.rules = [{ id: 'r1', clientId: 'dupont', platform: 'facebook', account: 'x', urlPattern: 'facebook.com/x', createdAt: 1 }]))],
  ['control characters in a platform id', mutate((j) => (j.sessions[0].platform = 'face\u0000book\u001b[31m'))],
  ['a client with the reserved id of personal time', mutate((j) => (j.clients[0].id = 'personal'))],
  ['two sessions that overlap', mutate((j) => (j.sessions[1].start = j.sessions[0].start + 60_000))],
  ['a session longer than the longest the tracker keeps', mutate((j) => (j.sessions[1].end = j.sessions[1].start + 20 * 3_600_000))],
  ['a deletion record without a time', mutate((j) => (j.tombstones = [{ table: 'sessions', id: 'x' }]))],
];

describe('bad backup files', () => {
  it.each(BAD_FILES)('%s: refused with a message, the data exactly as it was', async (_name, text, byteLength) => {
    const before = await dump();
    const result = await service().restoreBackup(text, byteLength ?? new TextEncoder().encode(text).length);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBe('backup-invalid');
      expect(result.detail).toHaveProperty('code');
    }
    expect(await dump()).toBe(before);
    expect(savedSettings).toBeNull();
  });

  it('counts at least fifteen kinds', () => expect(BAD_FILES.length).toBeGreaterThanOrEqual(15));

  it('restores the overlapping time of two members of an agency, each recorded on their own browser', async () => {
    const text = mutate((j) => {
      j.sessions[0].recordedBy = 'marielaptop00000';
      j.sessions[1].recordedBy = 'lucasdesktop0000';
      j.sessions[1].start = j.sessions[0].start + 60_000;
    });
    const result = await service().restoreBackup(text, text.length);
    expect(result.ok).toBe(true);
    expect(await db.sessions.bulkGet(['b1', 'b2'])).toHaveLength(2);
  });

  it('takes names with HTML or formula-like text as plain data: shown as text, neutralised in CSV', async () => {
    const text = mutate((j) => {
      j.clients[0].name = '<img src=x onerror=alert(1)> =HYPERLINK("x")';
      j.sessions[0].note = '<script>alert(1)</script>';
    });
    const result = await service().restoreBackup(text, text.length);
    expect(result.ok).toBe(true);
    expect((await db.sessions.get('b1'))?.note).toBe('<script>alert(1)</script>');
  });
});
