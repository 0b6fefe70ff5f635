/** Used at or above this percentage of the contract, a client is shown as near its limit (and notified). */
export const NEAR_PERCENT = 80;

/** `day-off`: time worked in a period where nothing is due (weekend, holiday, leave): not over a zero target. */
export type ProgressState = 'none' | 'under' | 'near' | 'over' | 'day-off';

export interface Progress {
  usedMs: number;
  /** null: no contract for the period. */
  targetMs: number | null;
  /** Contracted time left (never negative); null without a contract. */
  remainingMs: number | null;
  /** used / target, for display only (states never come from it); null without a contract or with a zero target. */
  share: number | null;
  state: ProgressState;
  /** Of the target, time carried over from the previous period (0 when none). */
  carriedMs: number;
}

/**
 * Whether used time reaches a percentage of the target. Both are whole ms, so the
 * comparison is exact in integers: exactly 80 % of the target is 80 %, never 79.99…
 */
export function reaches(usedMs: number, targetMs: number, percent: number): boolean {
  return usedMs * 100 >= targetMs * percent;
}

/**
 * The one rule for every view, badge and notification: over only when strictly above the
 * target, near from 80 % up to it exactly. `offPeriod`: no day of the period is a working
 * day, so time on it is work on a day off rather than over a zero target. `carriedMs`: how
 * much of `targetMs` came from the previous period, for display.
 */
export function progress(usedMs: number, targetMs: number | null, offPeriod = false, carriedMs = 0): Progress {
  if (targetMs === null) return { usedMs, targetMs, remainingMs: null, share: null, state: 'none', carriedMs: 0 };
  const remainingMs = Math.max(0, targetMs - usedMs);
  if (targetMs === 0) return { usedMs, targetMs, remainingMs, share: null, state: usedMs === 0 ? 'under' : offPeriod ? 'day-off' : 'over', carriedMs };
  const state = usedMs > targetMs ? 'over' : reaches(usedMs, targetMs, NEAR_PERCENT) ? 'near' : 'under';
  return { usedMs, targetMs, remainingMs, share: usedMs / targetMs, state, carriedMs };
}
