import type { ProgressState } from '../contracts/progress';

/** Toolbar badge colours by contract state: green under, amber near, red over, purple for work on a day off, grey without a contract. */
export const BADGE_COLORS: Record<ProgressState, string> = {
  none: '#59636e',
  under: '#1a7f37',
  near: '#bf8700',
  over: '#cf222e',
  'day-off': '#8250df',
};

/** A duration in at most four characters, for the toolbar badge: `7m`, `45m`, `1h05`, `12h`. */
export function badgeText(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours >= 10) return `${hours}h`;
  return `${hours}h${String(minutes % 60).padStart(2, '0')}`;
}
