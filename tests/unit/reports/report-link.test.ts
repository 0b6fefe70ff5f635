import { describe, expect, it } from 'vitest';
import { reportPath } from '../../../lib/reports/report-link';
import { monthRange, weekRange } from '../../../lib/time/calendar';

describe("a client's report link", () => {
  it('names the first and the last day of the shown week or month, and whether to show the amount', () => {
    expect(reportPath('dupont', weekRange(new Date(2026, 10, 25, 12).getTime(), 1), false)).toBe('report.html?client=dupont&from=2026-11-23&to=2026-11-29&amount=0');
    // March 2026 holds a clock change in both test zones.
    expect(reportPath('a b&c', monthRange(new Date(2026, 2, 15).getTime()), true)).toBe('report.html?client=a+b%26c&from=2026-03-01&to=2026-03-31&amount=1');
  });
});
