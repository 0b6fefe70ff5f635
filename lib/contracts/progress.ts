/** Used at or above this share of the contract, a client is shown as near its limit. */
export const NEAR_SHARE = 0.8;

export type ProgressState = 'none' | 'under' | 'near' | 'over';

export interface Progress {
  usedMs: number;
  /** null: no contract for the period. */
  targetMs: number | null;
  /** Contracted time left (never negative); null without a contract. */
  remainingMs: number | null;
  /** used / target; null without a contract or with a zero target. */
  share: number | null;
  state: ProgressState;
}

export function progress(usedMs: number, targetMs: number | null): Progress {
  if (targetMs === null) return { usedMs, targetMs, remainingMs: null, share: null, state: 'none' };
  const remainingMs = Math.max(0, targetMs - usedMs);
  if (targetMs === 0) return { usedMs, targetMs, remainingMs, share: null, state: usedMs > 0 ? 'over' : 'under' };
  const share = usedMs / targetMs;
  const state = usedMs > targetMs ? 'over' : share >= NEAR_SHARE ? 'near' : 'under';
  return { usedMs, targetMs, remainingMs, share, state };
}
