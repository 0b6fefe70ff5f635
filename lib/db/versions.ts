/**
 * The edit time of a change made at `now` to a record whose current version was made at
 * `previous`. Usually `now`; when this computer's clock is behind the one that made the
 * previous version (another device, an hour off), just after it, so that a change always
 * wins a merge against the version it was made from.
 */
export const nextVersion = (previous: number, now: number): number => Math.max(now, previous + 1);

/**
 * JSON with sorted keys: two copies of a record compare equal whatever order their fields
 * were written in. `remoteVersion` says where a copy came from, not what it holds: left out.
 */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) =>
    key === 'remoteVersion' ? undefined : v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/**
 * The later of two versions of a record; at the same edit time, the same one whichever side
 * it is on, so merges in any order agree.
 */
export function laterVersion<T extends { updatedAt: number }>(a: T, b: T): T {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b;
  return canonical(a) >= canonical(b) ? a : b;
}

/** The edit time of a client or a rule: records saved before browser sync have only their creation time. */
export const versionOf = (record: { createdAt: number; updatedAt?: number }): number => record.updatedAt ?? record.createdAt;

/** A client or a rule with its edit time, to compare with `laterVersion`. */
export const dated = <T extends { createdAt: number; updatedAt?: number }>(record: T): T & { updatedAt: number } => ({ ...record, updatedAt: versionOf(record) });
