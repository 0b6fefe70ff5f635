import { SECOND } from '../time/clock';

/** How a client report writes durations: `20 h 30 min 15 s` or `20.50 h`, the user's choice, one format throughout. */
export const REPORT_TIME_FORMATS = ['hm', 'decimal'] as const;
export type ReportTimeFormat = (typeof REPORT_TIME_FORMATS)[number];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A duration as the report prints it, never more than the time spent (rounded down).
 *
 * Every figure of a report is whole seconds, the CSV's; printed to the second, each table
 * adds up to its total and the amount is the printed billed time at the rate, to the cent.
 * Minutes alone could not (four days of 20 min 41 s print 1 h 20 but make 1 h 22).
 *
 * Decimal hours cannot say a second: they are the whole minutes ÷ 60 to two places, so
 * `20.00 h` is never `20.01 h`, and the report says that its lines are rounded each.
 */
export function formatReportTime(ms: number, format: ReportTimeFormat, language: string): string {
  const seconds = Math.floor(Math.max(0, ms) / SECOND);
  if (format === 'hm') return `${Math.floor(seconds / 3600)} h ${pad(Math.floor(seconds / 60) % 60)} min ${pad(seconds % 60)} s`;
  const minutes = Math.floor(seconds / 60);
  // m / 60 × 100 is never exactly half way (that would need 10 m = 3 (2k + 1)), so the nearest is unambiguous.
  return `${new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minutes / 60)} h`;
}
