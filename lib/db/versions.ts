/**
 * The edit time of a change made at `now` to a record whose current version was made at
 * `previous`. Usually `now`; when this computer's clock is behind the one that made the
 * previous version (another device, an hour off), just after it, so that a change always
 * wins a merge against the version it was made from.
 */
export const nextVersion = (previous: number, now: number): number => Math.max(now, previous + 1);
