import { isoDate } from '../time/calendar';
import type { TimeRange } from '../time/local-day';

/** The report page of one client over a range (its last day included), relative to the extension's root. */
export function reportPath(clientId: string, range: TimeRange, showAmount: boolean): string {
  const query = new URLSearchParams({ client: clientId, from: isoDate(range.from), to: isoDate(range.to - 1), amount: showAmount ? '1' : '0' });
  return `report.html?${query.toString()}`;
}
