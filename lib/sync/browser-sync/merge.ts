import { PERSONAL_CLIENT_ID, type ClientRecord, type RuleRecord, type TombstoneRecord } from '../../db/records';
import { canonical, dated, laterVersion, nextVersion } from '../../db/versions';
import type { DatedSettings } from '../../settings/settings-storage';
import { DAY } from '../../time/clock';
import { clientEntry, ruleEntry, settingsEntry, tombstoneEntry, type ItemValue } from './encode';
import { recordKey, SETTINGS_ITEM, tombstoneKey, type SyncedTable } from './keys';
import { mergeRecords, type MergeState } from './merge-records';
import { completeSettings } from './settings-item';
import type { Dated, RemoteConfig, SyncedTombstone } from './synced-records';

/**
 * How long the sync area keeps a deletion after it was last needed. Every browser keeps its
 * own tombstones for ever (restores need them), but in the area they would add up against a
 * quota of 100 KB. Dropped, a deletion can no longer reach a browser that has been away from
 * sync longer than this: its copy comes back. The browsers that remember the deletion then
 * put it back in the area and keep it there this long again (`keepUntil`), so the copy goes
 * for good and the two never take turns rewriting it.
 */
export const TOMBSTONE_KEEP_MS = 90 * DAY;

/** This browser's clients, rules and settings. */
export interface LocalConfig {
  clients: readonly ClientRecord[];
  rules: readonly RuleRecord[];
  /** The deletions of clients and rules (sessions are not synced). */
  tombstones: readonly TombstoneRecord[];
  settings: DatedSettings | null;
}

/** What this browser takes from the others. */
export interface LocalChanges {
  clients: { put: Dated<ClientRecord>[]; remove: Array<{ id: string; deletedAt: number }> };
  rules: { put: Dated<RuleRecord>[]; remove: string[] };
  tombstones: TombstoneRecord[];
  settings: DatedSettings | null;
}

export interface MergeResult {
  local: LocalChanges;
  /** What a key of the sync area holds from now on (null: nothing); keys left out stay as they are. */
  remote: Map<string, ItemValue | null>;
}

const isSynced = (t: TombstoneRecord): t is TombstoneRecord & { table: SyncedTable } => t.table === 'clients' || t.table === 'rules';

/**
 * Merges this browser's clients, rules and settings with the sync area's, record by record
 * (mergeRecords): both sides end up with the same records whatever the order of merges, and
 * merging again changes nothing. Pure: `now` only dates what the merge itself decides (a
 * rule whose client was deleted goes with it) and ages the deletions the area keeps.
 */
export function mergeConfig(local: LocalConfig, remote: RemoteConfig, now: number): MergeResult {
  const changes: LocalChanges = { clients: { put: [], remove: [] }, rules: { put: [], remove: [] }, tombstones: [], settings: null };
  const localDeletions = new Map(local.tombstones.filter(isSynced).map((t) => [recordKey(t.table, t.id), t]));
  const state: MergeState = { deletions: new Map(), unreadable: remote.unreadable, targets: new Map(), copiesSeen: new Set() };
  for (const [key, t] of localDeletions) state.deletions.set(key, { table: t.table, id: t.id, deletedAt: t.deletedAt, keepUntil: t.deletedAt + TOMBSTONE_KEEP_MS });
  for (const [key, t] of remote.tombstones) {
    const mine = state.deletions.get(key);
    state.deletions.set(key, mine ? { ...t, deletedAt: Math.max(mine.deletedAt, t.deletedAt), keepUntil: Math.max(mine.keepUntil, t.keepUntil) } : t);
  }

  const clients = mergeRecords(
    'clients',
    { mine: local.clients, theirs: remote.clients, entry: clientEntry, put: changes.clients.put, remove: (id, deletedAt) => changes.clients.remove.push({ id, deletedAt }) },
    state,
    () => true,
  );
  deleteRulesOfDeletedClients(local.rules, remote, state, clients, now);
  // A rule waits for its client: one not here yet (still arriving, or unreadable) would send time to nobody.
  mergeRecords(
    'rules',
    { mine: local.rules, theirs: remote.rules, entry: ruleEntry, put: changes.rules.put, remove: (id) => changes.rules.remove.push(id) },
    state,
    (r) => r.clientId === PERSONAL_CLIENT_ID || clients.alive.has(r.clientId),
  );

  for (const [key, t] of state.deletions) {
    const mine = localDeletions.get(key);
    if (!mine || mine.deletedAt < t.deletedAt) changes.tombstones.push({ table: t.table, id: t.id, deletedAt: t.deletedAt });
    const keepUntil = state.copiesSeen.has(key) ? Math.max(t.keepUntil, now + TOMBSTONE_KEEP_MS) : t.keepUntil;
    const item: SyncedTombstone = { table: t.table, id: t.id, deletedAt: t.deletedAt, keepUntil };
    const itemKey = tombstoneKey(t.table, t.id);
    const theirs = remote.tombstones.get(key);
    if (now <= keepUntil) {
      if (!theirs || canonical(theirs) !== canonical(item)) state.targets.set(itemKey, tombstoneEntry(item)[1]);
    } else if (theirs || remote.unreadable.has(itemKey)) state.targets.set(itemKey, null);
  }

  const mine = local.settings;
  const theirs = remote.settings && completeSettings(remote.settings, mine?.settings);
  const winner = mine && theirs ? laterVersion(mine, theirs) : (mine ?? theirs);
  const unreadable = remote.unreadable.get(SETTINGS_ITEM) ?? -1;
  if (winner && unreadable <= winner.updatedAt) {
    if (!mine || canonical(mine) !== canonical(winner)) changes.settings = winner;
    if (!remote.settings || canonical(remote.settings) !== canonical(winner)) state.targets.set(SETTINGS_ITEM, settingsEntry(winner)[1]);
  }

  return { local: changes, remote: state.targets };
}

/**
 * A rule goes with its client, as when the client is deleted here — even a rule added
 * elsewhere after the deletion, which would otherwise send time to nobody. Its deletion is
 * dated after its last version, so it wins.
 */
function deleteRulesOfDeletedClients(mine: readonly RuleRecord[], remote: RemoteConfig, state: MergeState, clients: { alive: Set<string>; waiting: Set<string> }, now: number): void {
  const here = new Map(mine.map((r) => [r.id, dated(r)]));
  for (const id of new Set([...here.keys(), ...remote.rules.keys()])) {
    const [a, b] = [here.get(id), remote.rules.get(id)];
    const rule = a && b ? laterVersion(a, b) : (a ?? b)!;
    const key = recordKey('rules', id);
    const clientGone = state.deletions.has(recordKey('clients', rule.clientId)) && !clients.alive.has(rule.clientId) && !clients.waiting.has(rule.clientId);
    if (clientGone && rule.updatedAt > (state.deletions.get(key)?.deletedAt ?? -1)) {
      const deletedAt = nextVersion(rule.updatedAt, now);
      state.deletions.set(key, { table: 'rules', id, deletedAt, keepUntil: deletedAt + TOMBSTONE_KEEP_MS });
    }
  }
}
