import * as v from 'valibot';
import { Time } from '../../schema/primitives';
import { charBytes, itemBytes, SYNC_QUOTA } from './item-size';
import { partKey } from './keys';

/**
 * A record too large for one item is written as its JSON text cut into parts, with a header
 * under the record's own key. Sync brings a browser the items of another one's write one by
 * one, so the header carries what the whole must be (parts, length, hash): parts from two
 * different writes never join into a record. It also carries the record's edit time, so a
 * browser that cannot read it yet knows whether its own copy is older or newer.
 */
const ChunkHeaderSchema = v.object({
  chunks: v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(SYNC_QUOTA.items)),
  length: v.pipe(v.number(), v.integer(), v.minValue(0)),
  hash: v.pipe(v.string(), v.regex(/^[0-9a-f]{8}$/)),
  version: Time,
});
export type ChunkHeader = v.InferOutput<typeof ChunkHeaderSchema>;

/** Headers are told from records by this field, which no record has. */
const HEADER = '$chunked';

/** FNV-1a over the text: tells parts of different writes apart (not a defence against forgery: the area is the user's own). */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The items that hold a record under `key`: the record itself when it fits in one item, else a header and its parts. */
export function chunkRecord(key: string, value: unknown, version: number): Record<string, unknown> {
  if (itemBytes(key, value) <= SYNC_QUOTA.itemBytes) return { [key]: value };
  const text = JSON.stringify(value);
  const parts: string[] = [];
  let part = '';
  let room = partRoom(key, 0);
  // Code point by code point: a surrogate pair cut in two would reach the other browser as two replacement characters.
  for (const char of text) {
    const bytes = charBytes(char);
    if (bytes > room) {
      parts.push(part);
      part = '';
      room = partRoom(key, parts.length);
    }
    part += char;
    room -= bytes;
  }
  parts.push(part);
  const header: ChunkHeader = { chunks: parts.length, length: text.length, hash: hashOf(text), version };
  return { [key]: { [HEADER]: header }, ...Object.fromEntries(parts.map((p, i) => [partKey(key, i), p])) };
}

/** Bytes left for the text of part `index` of `key`: the item's limit less its key and the quotes. */
const partRoom = (key: string, index: number) => SYNC_QUOTA.itemBytes - itemBytes(partKey(key, index), '');

/** The header a record's item holds instead of the record, or null when it holds the record. */
export function headerOf(value: unknown): ChunkHeader | 'malformed' | null {
  if (typeof value !== 'object' || value === null || !(HEADER in value)) return null;
  const header = v.safeParse(ChunkHeaderSchema, (value as Record<string, unknown>)[HEADER]);
  return header.success ? header.output : 'malformed';
}

/** The record a header's parts make, or null while they are missing or belong to another write. */
export function joinParts(key: string, header: ChunkHeader, items: Record<string, unknown>): unknown {
  let text = '';
  for (let i = 0; i < header.chunks; i++) {
    const part = items[partKey(key, i)];
    if (typeof part !== 'string') return null;
    text += part;
  }
  if (text.length !== header.length || hashOf(text) !== header.hash) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
