import { MINUTE } from '../time/clock';

/** How a client report writes durations: `20 h 00` or `20.00 h`, the user's choice, one format throughout. */
export const REPORT_TIME_FORMATS = ['hm', 'decimal'] as const;
export type ReportTimeFormat = (typeof REPORT_TIME_FORMATS)[number];

/**
 * A duration as the report prints it. Both formats start from the same whole minutes
 * (rounded down, as every figure is: none shows time not yet spent), and decimal hours are
 * those minutes ÷ 60 to two places. So `20 h 00` is never `20.01 h`, a billed figure equal to
 * the time worked prints the same, and billed time (whole minutes) is never shown short.
 */
export function formatReportTime(ms: number, format: ReportTimeFormat, language: string): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE);
  if (format === 'hm') return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
  // m / 60 × 100 is never exactly half way (that would need 10 m = 3 (2k + 1)), so the nearest is unambiguous.
  return `${new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minutes / 60)} h`;
}
