import * as v from 'valibot';
import { dated } from '../../db/versions';
import { ClientSchema } from '../../schema/client';
import { RuleSchema } from '../../schema/rule';
import { headerOf, joinParts } from './chunks';
import { parseKey, recordKey } from './keys';
import { readSettingsItem } from './settings-item';
import { SyncedTombstoneSchema, type Dated, type RemoteConfig } from './synced-records';

/**
 * Reads the sync area's items into records. Each one is checked by its record's schema
 * (the same as a form's or a backup's); an item that fails, a key this version does not
 * know, and a record whose parts are not all there are left out and reported, never applied.
 */
export function decodeItems(items: Record<string, unknown>): RemoteConfig {
  const remote: RemoteConfig = { clients: new Map(), rules: new Map(), tombstones: new Map(), settings: null, unreadable: new Map(), problems: [] };
  const unreadable = (key: string, version: number, problem: RemoteConfig['problems'][number]) => {
    remote.unreadable.set(key, version);
    remote.problems.push(problem);
  };

  for (const [key, item] of Object.entries(items)) {
    const parsed = parseKey(key);
    if (parsed === null) {
      remote.problems.push({ code: 'unknown-key', key });
      continue;
    }
    if (parsed.kind === 'part') {
      // Parts are read with their header; parts without one are a write still arriving.
      if (!(parsed.of in items) && !remote.unreadable.has(parsed.of)) unreadable(parsed.of, -1, { code: 'incomplete', key: parsed.of });
      continue;
    }
    const header = headerOf(item);
    if (header === 'malformed') {
      unreadable(key, -1, { code: 'malformed', key, detail: 'header' });
      continue;
    }
    const value = header === null ? item : joinParts(key, header, items);
    if (header !== null && value === null) {
      unreadable(key, header.version, { code: 'incomplete', key });
      continue;
    }
    const malformed = (detail: string) => unreadable(key, -1, { code: 'malformed', key, detail });
    switch (parsed.kind) {
      case 'client': {
        const result = readRecord(ClientSchema, value, parsed.id);
        if (result.ok) remote.clients.set(parsed.id, result.record);
        else malformed(result.detail);
        break;
      }
      case 'rule': {
        const result = readRecord(RuleSchema, value, parsed.id);
        if (result.ok) remote.rules.set(parsed.id, result.record);
        else malformed(result.detail);
        break;
      }
      case 'tombstone': {
        const result = v.safeParse(SyncedTombstoneSchema, value);
        if (!result.success) malformed(v.summarize(result.issues));
        else if (result.output.table !== parsed.table || result.output.id !== parsed.id) malformed('table or id differs from the key');
        else remote.tombstones.set(recordKey(parsed.table, parsed.id), result.output);
        break;
      }
      case 'settings': {
        const result = readSettingsItem(value);
        if (result.ok) remote.settings = result.value;
        else malformed(result.detail);
        break;
      }
    }
  }
  return remote;
}

type Versioned = { id: string; createdAt: number; updatedAt?: number };

/** A client or a rule under its key, dated (a record written before edit times: by its creation). */
function readRecord<T extends Versioned>(schema: v.GenericSchema<unknown, T>, value: unknown, id: string): { ok: true; record: Dated<T> } | { ok: false; detail: string } {
  const result = v.safeParse(schema, value);
  if (!result.success) return { ok: false, detail: v.summarize(result.issues) };
  if (result.output.id !== id) return { ok: false, detail: 'id differs from the key' };
  return { ok: true, record: dated(result.output) };
}
