import * as v from 'valibot';
import type { ClientRecord, RuleRecord } from '../../db/records';
import { Time } from '../../schema/primitives';
import { TombstoneSchema } from '../../schema/tombstone';
import type { SyncedSettings } from './settings-item';

/** A client or a rule with its edit time, as the sync area holds it. */
export type Dated<T> = T & { updatedAt: number };

/**
 * A deletion as the sync area holds it: the tombstone, and until when the area keeps it.
 * Browsers keep their tombstones for ever; the area drops them after a while (quota), and
 * keeps one longer whenever an old copy of its record shows up again (see merge.ts).
 */
export const SyncedTombstoneSchema = v.object({ ...TombstoneSchema.entries, table: v.picklist(['clients', 'rules']), keepUntil: Time });
export type SyncedTombstone = v.InferOutput<typeof SyncedTombstoneSchema>;

/** Why an item was left unread: it is reported, and nothing from it is applied. */
export type SyncProblem =
  | { code: 'unknown-key'; key: string }
  | { code: 'malformed'; key: string; detail: string }
  | { code: 'incomplete'; key: string }
  | { code: 'client-kept'; id: string; reason: string };

/** What the sync area holds, read and checked. */
export interface RemoteConfig {
  clients: Map<string, Dated<ClientRecord>>;
  rules: Map<string, Dated<RuleRecord>>;
  /** By the key of the record they delete (`c:<id>`, `r:<id>`). */
  tombstones: Map<string, SyncedTombstone>;
  settings: SyncedSettings | null;
  /**
   * Keys of records (and deletions) whose item is there but cannot be read, with the edit
   * time a header claims (-1 when none): a later version still arriving, or a damaged item.
   */
  unreadable: Map<string, number>;
  problems: SyncProblem[];
}
