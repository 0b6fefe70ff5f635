import { describe, expect, it } from 'vitest';
import type { ClientRecord, RuleRecord } from '../../../../lib/db/records';
import { DEFAULT_SETTINGS } from '../../../../lib/settings/settings';
import type { DatedSettings } from '../../../../lib/settings/settings-storage';
import { decodeItems } from '../../../../lib/sync/browser-sync/decode';
import { clientEntry, encodeRecord, ruleEntry, settingsEntry, tombstoneEntry } from '../../../../lib/sync/browser-sync/encode';
import { parseKey } from '../../../../lib/sync/browser-sync/keys';
import type { Dated, SyncedTombstone } from '../../../../lib/sync/browser-sync/synced-records';
import { seededRandom } from '../../../support/seeded-random';
import { chromeItemBytes, FakeSyncArea } from './fake-sync-area';
import { int, randomClient, randomRule, randomSettings } from './random-config';

const NOW = Date.UTC(2026, 10, 30, 10);

interface Records {
  clients: Dated<ClientRecord>[];
  rules: Dated<RuleRecord>[];
  tombstones: SyncedTombstone[];
  settings: DatedSettings | null;
}

const encode = (records: Records): Record<string, unknown> =>
  Object.assign(
    {},
    ...[...records.clients.map(clientEntry), ...records.rules.map(ruleEntry), ...records.tombstones.map(tombstoneEntry), ...(records.settings ? [settingsEntry(records.settings)] : [])].map(encodeRecord),
  ) as Record<string, unknown>;

/** Through Chrome's storage and back: what another browser reads. */
async function roundTrip(records: Records) {
  const area = new FakeSyncArea();
  await area.set(encode(records));
  return { decoded: decodeItems(await area.get()), items: await area.get() };
}

const sorted = <T extends { id: string }>(list: Iterable<T>) => [...list].sort((a, b) => a.id.localeCompare(b.id));

function randomRecords(seed: number): Records {
  const random = seededRandom(seed);
  const clients = Array.from({ length: int(random, 0, 6) }, (_, i) => randomClient(random, `client-${seed}-${i}`, NOW - int(random, 0, 1e9)) as Dated<ClientRecord>);
  const rules = clients.flatMap((c, i) => Array.from({ length: int(random, 0, 2) }, (_, j) => randomRule(random, `rule-${i}-${j}`, c.id, NOW) as Dated<RuleRecord>));
  const tombstones = Array.from({ length: int(random, 0, 3) }, (_, i): SyncedTombstone => ({ table: random() < 0.5 ? 'clients' : 'rules', id: `gone-${i}`, deletedAt: NOW - i, keepUntil: NOW + 1e9 }));
  return { clients, rules, tombstones, settings: random() < 0.8 ? randomSettings(random, NOW - int(random, 0, 1e9)) : null };
}

describe('records go to the sync area and come back the same', () => {
  it('any records: one item each within Chrome\'s limits, read back whole', async () => {
    for (let seed = 1; seed <= 60; seed++) {
      const records = randomRecords(seed);
      const { decoded } = await roundTrip(records);
      expect(decoded.problems, `seed ${seed}`).toEqual([]);
      expect(sorted(decoded.clients.values()), `seed ${seed}`).toEqual(sorted(records.clients));
      expect(sorted(decoded.rules.values()), `seed ${seed}`).toEqual(sorted(records.rules));
      expect(sorted(decoded.tombstones.values()), `seed ${seed}`).toEqual(sorted(records.tombstones));
      expect(decoded.settings, `seed ${seed}`).toEqual(records.settings);
    }
  });

  it('a client with a long contract history and details is cut in parts that each fit, and joined again', async () => {
    const random = seededRandom(7);
    const client = { ...randomClient(random, 'big', NOW, 400), details: '😀<\u2028é'.repeat(200) } as Dated<ClientRecord>;
    const { decoded, items } = await roundTrip({ clients: [client], rules: [], tombstones: [], settings: null });
    const parts = Object.keys(items).filter((k) => parseKey(k)?.kind === 'part');
    expect(parts.length).toBeGreaterThan(2);
    for (const [key, value] of Object.entries(items)) expect(chromeItemBytes(key, value)).toBeLessThanOrEqual(8192);
    // The fake keeps strings as Chrome does: an emoji cut in two would come back as two U+FFFD.
    expect(decoded.clients.get('big')).toEqual(client);
  });

  it('an emoji is never cut in two, wherever a cut falls', async () => {
    const random = seededRandom(9);
    for (let terms = 100; terms < 140; terms += 3) {
      for (const name of ['a', 'ab', 'abc']) {
        const client = { ...randomClient(random, 'big', NOW, terms), name, details: '😀'.repeat(500) } as Dated<ClientRecord>;
        const { decoded } = await roundTrip({ clients: [client], rules: [], tombstones: [], settings: null });
        expect(decoded.clients.get('big'), `${terms} terms, name ${name}`).toEqual(client);
      }
    }
  });

  it('settings with two hundred days off and a long sender block are cut and joined too', async () => {
    const settings = randomSettings(seededRandom(3), NOW, 200);
    const { decoded, items } = await roundTrip({ clients: [], rules: [], tombstones: [], settings });
    expect(Object.keys(items).length).toBeGreaterThan(1);
    expect(decoded.settings).toEqual(settings);
  });

  it('ids holding the characters of keys stay apart', async () => {
    const base = randomClient(seededRandom(1), 'x', NOW) as Dated<ClientRecord>;
    const clients = ['p0:c:x', 'c:x', 't:clients:x', 's', ':'].map((id) => ({ ...base, id }));
    const { decoded } = await roundTrip({ clients, rules: [], tombstones: [], settings: null });
    expect(sorted(decoded.clients.values())).toEqual(sorted(clients));
  });
});

describe('a record cut in parts is read whole or not at all', () => {
  const random = seededRandom(11);
  const older = { ...randomClient(random, 'big', NOW - 1000, 300), updatedAt: NOW - 1000 } as Dated<ClientRecord>;
  const newer = { ...older, name: 'Renamed', contracts: [...older.contracts!, ...older.contracts!], updatedAt: NOW } as Dated<ClientRecord>;
  const itemsOf = (client: Dated<ClientRecord>) => encodeRecord(clientEntry(client));
  const [oldItems, newItems] = [itemsOf(older), itemsOf(newer)];

  it.each([
    ['a part is missing', () => ({ ...newItems, 'p1:c:big': undefined }), NOW],
    ['a part is from another write', () => ({ ...newItems, 'p0:c:big': oldItems['p0:c:big'] }), NOW],
    ['the header of a new write arrived before its parts', () => ({ ...oldItems, 'c:big': newItems['c:big'] }), NOW],
    ['the parts of a new write arrived before its header', () => ({ ...newItems, 'c:big': oldItems['c:big'] }), NOW - 1000],
    ['parts without a header', () => ({ ...newItems, 'c:big': undefined }), -1],
  ])('%s: left out, reported, with the version it claims', (_name, items, claimed) => {
    const present = Object.fromEntries(Object.entries(items()).filter(([, value]) => value !== undefined));
    const decoded = decodeItems(present);
    expect(decoded.clients.size).toBe(0);
    expect(decoded.problems).toEqual([{ code: 'incomplete', key: 'c:big' }]);
    expect(decoded.unreadable.get('c:big')).toBe(claimed);
  });
});

describe('items that are not ours or not valid are left out and reported, never read', () => {
  const client = { ...randomClient(seededRandom(5), 'dupont', NOW), updatedAt: NOW } as Dated<ClientRecord>;
  it.each([
    ['another extension\'s key', 'theme', 'dark', 'unknown-key'],
    ['deletions of sessions are not synced', 't:sessions:s1', { table: 'sessions', id: 's1', deletedAt: NOW, keepUntil: NOW }, 'unknown-key'],
    ['a part of nothing we write', 'p0:theme', 'x', 'unknown-key'],
    ['a client with a bad colour', 'c:dupont', { ...client, color: 'javascript:alert(1)' }, 'malformed'],
    ['a client under another id', 'c:martin', client, 'malformed'],
    ['a client that is a string', 'c:dupont', 'dupont', 'malformed'],
    ['a rule naming nothing', 'r:r1', { id: 'r1', clientId: 'dupont', platform: null, account: null, urlPattern: null, createdAt: NOW }, 'malformed'],
    ['a rule taking every page', 'r:r1', { id: 'r1', clientId: 'dupont', platform: null, account: null, urlPattern: '*', createdAt: NOW }, 'malformed'],
    ['a deletion of another record than its key says', 't:clients:dupont', { table: 'clients', id: 'martin', deletedAt: NOW, keepUntil: NOW }, 'malformed'],
    ['a deletion without a time', 't:rules:r1', { table: 'rules', id: 'r1' }, 'malformed'],
    ['settings with an unknown language', 's', { settings: { ...DEFAULT_SETTINGS, language: 'xx' }, updatedAt: NOW }, 'malformed'],
    ['settings whose list is not a list', 's', { settings: { ...DEFAULT_SETTINGS, mastodonServers: 5 }, updatedAt: NOW }, 'malformed'],
    ['settings without a time', 's', { settings: DEFAULT_SETTINGS }, 'malformed'],
    ['a damaged header', 'c:dupont', { $chunked: { chunks: 'many' } }, 'malformed'],
  ])('%s', (_name, key, value, code) => {
    const decoded = decodeItems({ [key]: value });
    expect(decoded.problems).toMatchObject([{ code, key }]);
    expect([decoded.clients.size, decoded.rules.size, decoded.tombstones.size, decoded.settings]).toEqual([0, 0, 0, null]);
  });

  it('settings of another version: the fields this one knows, checked; fields it does not know left out', () => {
    const { language: _language, ...older } = DEFAULT_SETTINGS;
    const decoded = decodeItems({ s: { settings: { ...older, countMedia: false, themeOfTheFuture: 'dark' }, updatedAt: NOW } });
    expect(decoded.settings).toEqual({ settings: { ...older, countMedia: false }, updatedAt: NOW });
  });
});
