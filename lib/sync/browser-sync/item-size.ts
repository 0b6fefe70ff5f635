/**
 * The limits of `storage.sync`: Chrome's (`chrome.storage.sync.QUOTA_BYTES`…), which
 * Firefox Sync copies for the sizes (102 400 bytes, 8 192 per item, 512 items); the write
 * rates are Chrome's, counted per `set` or `remove` call whatever it holds.
 */
export const SYNC_QUOTA = {
  totalBytes: 102_400,
  itemBytes: 8_192,
  items: 512,
  writesPerMinute: 120,
  writesPerHour: 1_800,
} as const;

/**
 * The size the browser counts for an item: the key's length plus the JSON of the value, in
 * UTF-8 bytes, as Chrome's base::JSONWriter writes it — which differs from `JSON.stringify`
 * in three ways that only ever make it longer: `<` and U+2028/U+2029 are escaped as `\uXXXX`,
 * and a number that is not a 32-bit integer (every epoch time) is a double written with
 * `.0`. Firefox counts the same JSON without these, so a record within Chrome's size is
 * within Firefox's.
 */
export function itemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + jsonBytes(value);
}

/** The bytes of a string value (quotes included), as base::JSONWriter escapes it. */
function stringBytes(text: string): number {
  let bytes = 2;
  for (const char of text) bytes += charBytes(char);
  return bytes;
}

/** One code point in a JSON string: a lone surrogate counts as the longest of its two spellings (`\uD83D` here, U+FFFD in Chrome). */
export function charBytes(char: string): number {
  const code = char.codePointAt(0)!;
  if (code === 0x22 || code === 0x5c || code === 0x08 || code === 0x0c || code === 0x0a || code === 0x0d || code === 0x09) return 2;
  if (code < 0x20 || code === 0x3c || code === 0x2028 || code === 0x2029) return 6;
  if (code >= 0xd800 && code <= 0xdfff) return 6;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 || (code >= 0xd800 && code <= 0xdfff) ? 3 : 4;
  }
  return bytes;
}

function numberBytes(n: number): number {
  if (!Number.isFinite(n)) return 4; // null, as JSON writes it
  if (Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 && !Object.is(n, -0)) return String(n).length;
  const text = Object.is(n, -0) ? '-0' : String(n);
  return text.length + (/[.e]/.test(text) ? 0 : 2);
}

function jsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'string':
      return stringBytes(value);
    case 'number':
      return numberBytes(value);
    case 'boolean':
      return value ? 4 : 5;
    case 'object': {
      if (Array.isArray(value)) return 2 + Math.max(0, value.length - 1) + value.reduce((sum: number, item) => sum + jsonBytes(item), 0);
      // As JSON, fields whose value is undefined (or a function) are left out.
      const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
      return 2 + Math.max(0, entries.length - 1) + entries.reduce((sum, [k, v]) => sum + stringBytes(k) + 1 + jsonBytes(v), 0);
    }
    default:
      return 4;
  }
}
