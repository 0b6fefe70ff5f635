import { describe, expect, it } from 'vitest';
import type { ClientRecord, RuleRecord, TombstoneRecord } from '../../../../lib/db/records';
import { DEFAULT_SETTINGS } from '../../../../lib/settings/settings';
import type { DatedSettings } from '../../../../lib/settings/settings-storage';
import { decodeItems } from '../../../../lib/sync/browser-sync/decode';
import { clientEntry, encodeRecord, ruleEntry, settingsEntry, tombstoneEntry } from '../../../../lib/sync/browser-sync/encode';
import { mergeConfig, TOMBSTONE_KEEP_MS, type LocalConfig } from '../../../../lib/sync/browser-sync/merge';
import type { Dated, SyncedTombstone } from '../../../../lib/sync/browser-sync/synced-records';
import { DAY } from '../../../../lib/time/clock';

const NOW = Date.UTC(2026, 10, 30, 10);
const T = (minutes: number) => NOW + minutes * 60_000;

const client = (name: string, updatedAt: number | undefined, id = 'dupont'): ClientRecord => ({
  id, name, color: '#c2410c', archived: false, createdAt: T(-1000), ...(updatedAt === undefined ? {} : { updatedAt }),
});
const rule = (id: string, clientId: string, updatedAt: number): RuleRecord => ({ id, clientId, platform: 'facebook', account: id, urlPattern: null, createdAt: T(-1000), updatedAt });
const gone = (table: 'clients' | 'rules', id: string, deletedAt: number): TombstoneRecord => ({ table, id, deletedAt });
const synced = (t: TombstoneRecord, keepUntil = t.deletedAt + TOMBSTONE_KEEP_MS): SyncedTombstone => ({ ...(t as SyncedTombstone), keepUntil });

interface Area {
  clients?: ClientRecord[];
  rules?: RuleRecord[];
  tombstones?: SyncedTombstone[];
  settings?: DatedSettings;
  raw?: Record<string, unknown>;
}

function itemsOf(area: Area): Record<string, unknown> {
  const dated = <T extends { createdAt: number; updatedAt?: number }>(r: T) => ({ ...r, updatedAt: r.updatedAt ?? r.createdAt });
  const entries = [
    ...(area.clients ?? []).map((c) => clientEntry(dated(c) as Dated<ClientRecord>)),
    ...(area.rules ?? []).map((r) => ruleEntry(dated(r) as Dated<RuleRecord>)),
    ...(area.tombstones ?? []).map(tombstoneEntry),
    ...(area.settings ? [settingsEntry(area.settings)] : []),
  ];
  return Object.assign({}, ...entries.map(encodeRecord), area.raw) as Record<string, unknown>;
}

const local = (config: Partial<LocalConfig>): LocalConfig => ({ clients: [], rules: [], tombstones: [], settings: null, ...config });

/** The merge in short: what changes here, and which keys of the area are written or emptied. */
function outcome(here: Partial<LocalConfig>, area: Area, now = NOW) {
  const { local: changes, remote } = mergeConfig(local(here), decodeItems(itemsOf(area)), now);
  return {
    put: [...changes.clients.put.map((c) => `${c.id}=${c.name}`), ...changes.rules.put.map((r) => `${r.id}>${r.clientId}`)],
    removed: [...changes.clients.remove.map((c) => c.id), ...changes.rules.remove],
    tombstones: changes.tombstones.map((t) => `${t.table}/${t.id}@${t.deletedAt}`),
    write: [...remote].filter(([, v]) => v !== null).map(([k]) => k),
    empty: [...remote].filter(([, v]) => v === null).map(([k]) => k),
  };
}

const nothing = { put: [], removed: [], tombstones: [], write: [], empty: [] };

describe('the later edit of a client wins on both sides', () => {
  it.each([
    ['only here: sent', { clients: [client('Here', T(1))] }, {}, { write: ['c:dupont'] }],
    ['only in the area: taken', {}, { clients: [client('There', T(1))] }, { put: ['dupont=There'] }],
    ['the same on both sides: nothing', { clients: [client('Same', T(1))] }, { clients: [client('Same', T(1))] }, {}],
    ['later here: sent', { clients: [client('Here', T(2))] }, { clients: [client('There', T(1))] }, { write: ['c:dupont'] }],
    ['later in the area: taken', { clients: [client('Here', T(1))] }, { clients: [client('There', T(2))] }, { put: ['dupont=There'] }],
    ['saved here before edit times were kept: any dated edit is later', { clients: [client('Here', undefined)] }, { clients: [client('There', T(-999))] }, { put: ['dupont=There'] }],
    ['undated here, the same in the area: nothing', { clients: [client('Same', undefined)] }, { clients: [client('Same', T(-1000))] }, {}],
  ])('%s', (_name, here, area, expected) => {
    expect(outcome(here, area)).toEqual({ ...nothing, ...expected });
  });

  it('two edits at the same millisecond: both browsers keep the same one', () => {
    const [a, b] = [client('A', T(1)), client('B', T(1))];
    const fromA = outcome({ clients: [a] }, { clients: [b] });
    const fromB = outcome({ clients: [b] }, { clients: [a] });
    const kept = fromA.put.length > 0 ? 'B' : 'A';
    expect(fromB.put.length > 0 ? 'A' : 'B').toBe(kept);
    expect([fromA.write.length + fromA.put.length, fromB.write.length + fromB.put.length]).toEqual([1, 1]);
  });
});

describe('deletions', () => {
  it.each([
    ['deleted in the area after the edit here: deleted here, remembered', { clients: [client('Here', T(1))] }, { tombstones: [synced(gone('clients', 'dupont', T(2)))] }, { removed: ['dupont'], tombstones: [`clients/dupont@${T(2)}`] }],
    ['deleted at the very time of the version: deleted', { clients: [client('Here', T(2))] }, { tombstones: [synced(gone('clients', 'dupont', T(2)))] }, { removed: ['dupont'], tombstones: [`clients/dupont@${T(2)}`] }],
    ['deleted here, an older copy in the area: the copy goes, the deletion is sent', { tombstones: [gone('clients', 'dupont', T(2))] }, { clients: [client('There', T(1))] }, { write: ['t:clients:dupont'], empty: ['c:dupont'] }],
    ['deleted in the area, an older copy here does not come back', { clients: [client('Here', T(1))], tombstones: [] }, { tombstones: [synced(gone('clients', 'dupont', T(2)))], clients: [] }, { removed: ['dupont'], tombstones: [`clients/dupont@${T(2)}`] }],
    ['edited here after the deletion: the edit wins and is sent', { clients: [client('Here', T(3))] }, { tombstones: [synced(gone('clients', 'dupont', T(2)))] }, { write: ['c:dupont'], tombstones: [`clients/dupont@${T(2)}`] }],
    ['deleted on both sides: the later deletion', { tombstones: [gone('rules', 'r1', T(3))] }, { tombstones: [synced(gone('rules', 'r1', T(2)))] }, { write: ['t:rules:r1'] }],
  ])('%s', (_name, here, area, expected) => {
    expect(outcome(here, area)).toEqual({ ...nothing, ...expected });
  });

  it('a rule goes with its deleted client, even one added elsewhere after the deletion, and is dated after its own version', () => {
    const result = mergeConfig(
      local({ clients: [client('Here', T(1))], rules: [rule('r1', 'dupont', T(1))] }),
      decodeItems(itemsOf({ tombstones: [synced(gone('clients', 'dupont', T(2)))], rules: [rule('r2', 'dupont', T(5))] })),
      T(4),
    );
    expect(result.local.rules).toEqual({ put: [], remove: ['r1'] });
    expect(result.local.tombstones).toEqual(expect.arrayContaining([gone('rules', 'r1', T(4)), gone('rules', 'r2', T(5) + 1)]));
    expect(result.remote.get('r:r2')).toBeNull();
    expect([...result.remote.keys()].sort()).toEqual(['r:r2', 't:rules:r1', 't:rules:r2']);
  });

  it('a rule waits for its client: taken once the client is here', () => {
    const area = { rules: [rule('r1', 'martin', T(1)), rule('r2', 'personal', T(1))] };
    expect(outcome({}, area)).toEqual({ ...nothing, put: ['r2>personal'] });
    expect(outcome({}, { ...area, clients: [client('Martin', T(1), 'martin')] }).put).toEqual(['martin=Martin', 'r1>martin', 'r2>personal']);
  });
});

describe('the area keeps a deletion for a while after it was last needed', () => {
  const old = gone('clients', 'dupont', NOW - 100 * DAY);

  it.each([
    ['an old deletion is not sent', { tombstones: [old] }, {}, {}],
    ['an old deletion in the area is taken here, and removed from the area', {}, { tombstones: [synced(old)] }, { tombstones: [`clients/dupont@${old.deletedAt}`], empty: ['t:clients:dupont'] }],
    ['a recent one is sent', { tombstones: [gone('clients', 'dupont', NOW - 10 * DAY)] }, {}, { write: ['t:clients:dupont'] }],
  ])('%s', (_name, here, area, expected) => {
    expect(outcome(here, area)).toEqual({ ...nothing, ...expected });
  });

  it('a copy brought back by a browser away for longer goes, and the deletion stays in the area long enough to reach it', () => {
    const back = mergeConfig(local({ tombstones: [old] }), decodeItems(itemsOf({ clients: [client('Old copy', old.deletedAt - 1)] })), NOW);
    expect(back.remote.get('c:dupont')).toBeNull();
    expect(back.remote.get('t:clients:dupont')?.value).toEqual(synced(old, NOW + TOMBSTONE_KEEP_MS));
    // Later merges keep it there until then, and drop it after.
    const kept = { tombstones: [synced(old, NOW + TOMBSTONE_KEEP_MS)] };
    expect(outcome({ tombstones: [old] }, kept, NOW + 30 * DAY)).toEqual(nothing);
    expect(outcome({ tombstones: [old] }, kept, NOW + 91 * DAY)).toEqual({ ...nothing, empty: ['t:clients:dupont'] });
  });
});

describe('an item that cannot be read yet', () => {
  const half = (c: ClientRecord) => {
    const items = encodeRecord(clientEntry({ ...c, details: 'x'.repeat(999), contracts: Array.from({ length: 200 }, () => ({ from: '2026-01-01', period: 'none' as const, hours: 0 })) } as Dated<ClientRecord>));
    delete items['p1:c:dupont'];
    return items;
  };

  it.each([
    ['a later version is arriving: nothing changes, on either side', { clients: [client('Here', T(1))] }, { raw: half(client('There', T(2))) }, {}],
    ['an older version, damaged: written again from here', { clients: [client('Here', T(2))] }, { raw: half(client('There', T(1))) }, { write: ['c:dupont'] }],
    ['the version held here: written again, which mends it', { clients: [client('Here', T(2))] }, { raw: half(client('Here', T(2))) }, { write: ['c:dupont'] }],
    ['deleted here after its version: it goes', { tombstones: [gone('clients', 'dupont', T(3))] }, { raw: half(client('There', T(2))) }, { write: ['t:clients:dupont'], empty: ['c:dupont'] }],
    ['nothing known here: left alone', {}, { raw: half(client('There', T(2))) }, {}],
    ['a damaged client, nothing known here: left alone', {}, { raw: { 'c:dupont': { id: 'dupont' } } }, {}],
  ])('%s', (_name, here, area, expected) => {
    expect(outcome(here, area)).toEqual({ ...nothing, ...expected });
  });
});

describe('settings', () => {
  const mine = { settings: { ...DEFAULT_SETTINGS, language: 'fr' as const }, updatedAt: T(1) };
  const theirs = { settings: { ...DEFAULT_SETTINGS, language: 'en' as const }, updatedAt: T(2) };
  const merge = (here: DatedSettings | null, area: Area) => mergeConfig(local({ settings: here }), decodeItems(itemsOf(area)), NOW);

  it.each([
    ['saved here only: sent', mine, {}, null, mine],
    ['in the area only (never saved here): taken', null, { settings: theirs }, theirs, undefined],
    ['later in the area: taken', mine, { settings: theirs }, theirs, undefined],
    ['later here: sent', { ...mine, updatedAt: T(3) }, { settings: theirs }, null, { ...mine, updatedAt: T(3) }],
    ['neither: nothing (the defaults are nobody\'s edit)', null, {}, null, undefined],
  ])('%s', (_name, here, area, taken, sent) => {
    const result = merge(here, area);
    expect(result.local.settings).toEqual(taken);
    expect(result.remote.get('s')?.value).toEqual(sent);
  });

  it('a field an older version did not write keeps the value here, and the whole is sent back', () => {
    const { reportSender: _, ...older } = theirs.settings;
    const here = { settings: { ...mine.settings, reportSender: 'Agence Martin' }, updatedAt: T(1) };
    const result = merge(here, { raw: { s: { settings: older, updatedAt: T(2) } } });
    expect(result.local.settings).toEqual({ settings: { ...theirs.settings, reportSender: 'Agence Martin' }, updatedAt: T(2) });
    expect(result.remote.get('s')?.value).toEqual(result.local.settings);
  });
});
