import { canonical } from '../../db/versions';
import { encodeRecord, type ItemValue } from './encode';
import { itemBytes, SYNC_QUOTA } from './item-size';
import { parseKey } from './keys';

/** The area is full: what the records need against what it allows. */
export interface QuotaError {
  code: 'quota';
  /** The whole area's bytes, its number of items, or one item's bytes. */
  limit: 'bytes' | 'items' | 'item-bytes';
  needed: number;
  allowed: number;
}

export interface WritePlan {
  /** Items to write: only those that differ from what the area holds. */
  set: Record<string, unknown>;
  /** Items to remove: deleted records, and parts a record no longer has. */
  remove: string[];
  /**
   * Remove before writing: the writes alone would not fit beside what they replace. Otherwise
   * write first, so that a deletion reaches the other browsers with (or before) the removal of
   * its record, and a browser in between never sees the record merely gone.
   */
  removeFirst: boolean;
  /** Records written and removed, by key. */
  written: string[];
  removed: string[];
  /** The area after these writes, as the browser counts it. */
  bytesInUse: number;
  items: number;
  /** The largest item written. */
  largestItem: number;
}

const sizeOf = (items: Record<string, unknown>) => Object.entries(items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);

/**
 * The writes that bring the area from `current` to the merge's targets, all or nothing: when
 * the result would not fit the quota, a quota error and no writes, so the area never holds
 * half of a change.
 */
export function planWrites(current: Record<string, unknown>, targets: Map<string, ItemValue | null>): { ok: true; plan: WritePlan } | { ok: false; error: QuotaError } {
  const partsOf = new Map<string, string[]>();
  for (const key of Object.keys(current)) {
    const parsed = parseKey(key);
    if (parsed?.kind === 'part') partsOf.set(parsed.of, [...(partsOf.get(parsed.of) ?? []), key]);
  }

  const plan: WritePlan = { set: {}, remove: [], removeFirst: false, written: [], removed: [], bytesInUse: 0, items: 0, largestItem: 0 };
  for (const [key, target] of targets) {
    const items = target === null ? {} : encodeRecord([key, target]);
    const stale = [key, ...(partsOf.get(key) ?? [])].filter((k) => k in current && !(k in items));
    const changed = Object.entries(items).filter(([k, value]) => !(k in current) || canonical(current[k]) !== canonical(value));
    plan.remove.push(...stale);
    Object.assign(plan.set, Object.fromEntries(changed));
    if (target !== null && changed.length > 0) plan.written.push(key);
    if (target === null && stale.length > 0) plan.removed.push(key);
  }

  const after = { ...current, ...plan.set };
  for (const key of plan.remove) delete after[key];
  plan.bytesInUse = sizeOf(after);
  plan.items = Object.keys(after).length;
  plan.largestItem = Math.max(0, ...Object.entries(plan.set).map(([key, value]) => itemBytes(key, value)));
  if (plan.bytesInUse > SYNC_QUOTA.totalBytes) return { ok: false, error: { code: 'quota', limit: 'bytes', needed: plan.bytesInUse, allowed: SYNC_QUOTA.totalBytes } };
  if (plan.items > SYNC_QUOTA.items) return { ok: false, error: { code: 'quota', limit: 'items', needed: plan.items, allowed: SYNC_QUOTA.items } };

  const writtenFirst = { ...current, ...plan.set };
  plan.removeFirst = sizeOf(writtenFirst) > SYNC_QUOTA.totalBytes || Object.keys(writtenFirst).length > SYNC_QUOTA.items;
  return { ok: true, plan };
}
