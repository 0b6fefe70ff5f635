import type { SyncArea } from '../../../../lib/sync/browser-sync/sync-area';

/**
 * JSON as Chrome's base::JSONWriter writes a stored value, to count sizes as Chrome does —
 * written apart from the extension's own count (item-size.ts), so that one checks the other.
 * JS numbers that are not 32-bit integers are doubles there, written with `.0`; `<`,
 * U+2028 and U+2029 are escaped; a lone surrogate becomes U+FFFD on the way in.
 */
export function chromeJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'null';
    if ((value | 0) === value && !Object.is(value, -0)) return String(value);
    const text = Object.is(value, -0) ? '-0' : String(value);
    return /[.eE]/.test(text) ? text : `${text}.0`;
  }
  if (typeof value === 'string') {
    let out = '"';
    for (const char of value.toWellFormed()) {
      const code = char.codePointAt(0)!;
      const short: Record<number, string> = { 0x22: '\\"', 0x5c: '\\\\', 0x08: '\\b', 0x0c: '\\f', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };
      if (short[code]) out += short[code];
      else if (code < 0x20 || code === 0x3c || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
      else out += char;
    }
    return `${out}"`;
  }
  if (Array.isArray(value)) return `[${value.map(chromeJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${chromeJson(k)}:${chromeJson(v)}`).join(',')}}`;
}

export const chromeItemBytes = (key: string, value: unknown): number => Buffer.byteLength(key.toWellFormed()) + Buffer.byteLength(chromeJson(value));

const MINUTE = 60_000;

/**
 * chrome.storage.sync as Chrome enforces it (extensions/browser/api/storage/
 * settings_storage_quota_enforcer.cc and the write quotas of storage.json): a `set` is
 * refused whole, with Chrome's messages, when one item exceeds QUOTA_BYTES_PER_ITEM (checked
 * in order), then when the total exceeds QUOTA_BYTES, then when there are more than
 * MAX_ITEMS; every `set` and `remove` counts against the write rates. Values are kept as
 * Chrome keeps them (JSON, strings made well-formed), so nothing is shared with the caller.
 */
export class FakeSyncArea implements SyncArea {
  readonly calls = { get: 0, set: 0, remove: 0 };
  /** The writes in the order they came. */
  readonly writeLog: Array<'set' | 'remove'> = [];
  /** Runs once before the next write: another browser's writes landing in between. */
  beforeNextWrite: (() => void) | null = null;
  private readonly items = new Map<string, string>();
  private readonly writes: number[] = [];

  constructor(
    private readonly clock: () => number = () => 0,
    readonly limits = { totalBytes: 102_400, itemBytes: 8_192, items: 512, writesPerMinute: 120, writesPerHour: 1_800 },
  ) {}

  async get(): Promise<Record<string, unknown>> {
    this.calls.get += 1;
    return this.snapshot();
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.calls.set += 1;
    this.writeLog.push('set');
    this.countWrite();
    const next = new Map(this.items);
    for (const [key, value] of Object.entries(items)) {
      if (chromeItemBytes(key, value) > this.limits.itemBytes) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      next.set(key, stored(value));
    }
    if (sizeOf(next) > this.limits.totalBytes) throw new Error('QUOTA_BYTES quota exceeded');
    if (next.size > this.limits.items) throw new Error('MAX_ITEMS quota exceeded');
    this.items.clear();
    for (const [key, text] of next) this.items.set(key, text);
  }

  async remove(keys: string[]): Promise<void> {
    this.calls.remove += 1;
    this.writeLog.push('remove');
    this.countWrite();
    for (const key of keys) this.items.delete(key);
  }

  /** Writes items as another browser (or extension) would, without counting them as ours. */
  put(items: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(items)) this.items.set(key, stored(value));
  }

  drop(keys: string[]): void {
    for (const key of keys) this.items.delete(key);
  }

  snapshot(): Record<string, unknown> {
    return Object.fromEntries([...this.items].map(([key, text]) => [key, JSON.parse(text) as unknown]));
  }

  bytesInUse(): number {
    return sizeOf(this.items);
  }

  private countWrite(): void {
    const hook = this.beforeNextWrite;
    this.beforeNextWrite = null;
    hook?.();
    const now = this.clock();
    while (this.writes.length > 0 && this.writes[0]! <= now - 60 * MINUTE) this.writes.shift();
    if (this.writes.length >= this.limits.writesPerHour) throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
    if (this.writes.filter((at) => at > now - MINUTE).length >= this.limits.writesPerMinute) throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    this.writes.push(now);
  }
}

/** What Chrome keeps of a value: its JSON, with lone surrogates (half of a pair cut in two) replaced by U+FFFD. */
const stored = (value: unknown): string => JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.toWellFormed() : v));

function sizeOf(items: Map<string, string>): number {
  let total = 0;
  for (const [key, text] of items) total += chromeItemBytes(key, JSON.parse(text));
  return total;
}
