import type { ClientRecord, RuleRecord } from '../../db/records';
import type { DatedSettings } from '../../settings/settings-storage';
import { chunkRecord } from './chunks';
import { recordKey, SETTINGS_ITEM, tombstoneKey } from './keys';
import type { Dated, SyncedTombstone } from './synced-records';

/** What one key of the sync area should hold: a record and the edit time that decides a merge (a header repeats it when the record is cut in parts). */
export interface ItemValue {
  value: unknown;
  version: number;
}

export type Entry = [key: string, item: ItemValue];

export const clientEntry = (client: Dated<ClientRecord>): Entry => [recordKey('clients', client.id), { value: client, version: client.updatedAt }];
export const ruleEntry = (rule: Dated<RuleRecord>): Entry => [recordKey('rules', rule.id), { value: rule, version: rule.updatedAt }];
export const tombstoneEntry = (tombstone: SyncedTombstone): Entry => [tombstoneKey(tombstone.table, tombstone.id), { value: tombstone, version: tombstone.deletedAt }];
export const settingsEntry = (settings: DatedSettings): Entry => [SETTINGS_ITEM, { value: settings, version: settings.updatedAt }];

/** The items that hold one record: itself, or a header and its parts. */
export const encodeRecord = ([key, { value, version }]: Entry): Record<string, unknown> => chunkRecord(key, value, version);
