/**
 * One item per record, named by what it holds, so that a change rewrites one item and two
 * browsers changing different records never touch the same one:
 * - `c:<id>` a client, `r:<id>` a rule, `s` the settings;
 * - `t:clients:<id>`, `t:rules:<id>` a deletion;
 * - `p<n>:<key>` part n of a record too large for one item (its key then holds a header).
 * Ids are the records' own (UUIDs); the prefixes keep every kind apart whatever an id holds.
 */
export type SyncedTable = 'clients' | 'rules';

export type ItemKey =
  | { kind: 'client'; id: string }
  | { kind: 'rule'; id: string }
  | { kind: 'settings' }
  | { kind: 'tombstone'; table: SyncedTable; id: string }
  | { kind: 'part'; of: string; index: number };

export const SETTINGS_ITEM = 's';
export const recordKey = (table: SyncedTable, id: string): string => `${table === 'clients' ? 'c' : 'r'}:${id}`;
export const tombstoneKey = (table: SyncedTable, id: string): string => `t:${table}:${id}`;
export const partKey = (key: string, index: number): string => `p${index}:${key}`;

/** What an item's key names; null for a key this version does not write (another extension's, or a later version's). */
export function parseKey(key: string): ItemKey | null {
  if (key === SETTINGS_ITEM) return { kind: 'settings' };
  const record = /^([cr]):(.+)$/s.exec(key);
  if (record) return { kind: record[1] === 'c' ? 'client' : 'rule', id: record[2]! };
  const tombstone = /^t:(clients|rules):(.+)$/s.exec(key);
  if (tombstone) return { kind: 'tombstone', table: tombstone[1] as SyncedTable, id: tombstone[2]! };
  const part = /^p(0|[1-9]\d{0,3}):(.+)$/s.exec(key);
  const of = part ? parseKey(part[2]!) : null;
  return of && of.kind !== 'part' ? { kind: 'part', of: part![2]!, index: Number(part![1]) } : null;
}
