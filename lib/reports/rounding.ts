import { MINUTE } from '../time/clock';

/** Rounds a duration up to the increment (in minutes); 0 leaves it as it is. */
export function roundUp(ms: number, incrementMinutes: number): number {
  if (incrementMinutes <= 0 || ms <= 0) return Math.max(0, ms);
  const step = incrementMinutes * MINUTE;
  return Math.ceil(ms / step) * step;
}
