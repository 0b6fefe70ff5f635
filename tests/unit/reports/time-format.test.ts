import { describe, expect, it } from 'vitest';
import type { CalendarSettings } from '../../../lib/contracts/targets';
import type { ClientRecord, SessionRecord } from '../../../lib/db/records';
import { buildClientReport } from '../../../lib/reports/client-report';
import { formatReportTime } from '../../../lib/reports/time-format';
import { monthRange } from '../../../lib/time/calendar';
import { HOUR, MINUTE, SECOND } from '../../../lib/time/clock';
import { seededRandom } from '../../support/seeded-random';

describe("the report's one time format", () => {
  it('writes hours, minutes and seconds, or decimal hours in the language of the report', () => {
    expect(formatReportTime(20 * HOUR, 'hm', 'en')).toBe('20 h 00 min 00 s');
    expect(formatReportTime(45 * MINUTE, 'hm', 'fr')).toBe('0 h 45 min 00 s');
    expect(formatReportTime(2 * HOUR + 8 * MINUTE + 35 * SECOND, 'hm', 'fr')).toBe('2 h 08 min 35 s');
    expect(formatReportTime(20 * HOUR, 'decimal', 'en')).toBe('20.00 h');
    expect(formatReportTime(90 * MINUTE, 'decimal', 'fr')).toBe('1,50 h');
    expect(formatReportTime(6 * MINUTE, 'decimal', 'en')).toBe('0.10 h');
  });

  it('counts whole seconds, never more: 20 h 00 min 59.9 s is 20 h 00 min 59 s and 20.00 h, never 20.01 h; 1 h 31 min 50 s is 1.52 h', () => {
    expect(formatReportTime(20 * HOUR + 59 * SECOND + 900, 'hm', 'en')).toBe('20 h 00 min 59 s');
    expect(formatReportTime(20 * HOUR + 59 * SECOND, 'decimal', 'en')).toBe('20.00 h');
    expect(formatReportTime(HOUR + 31 * MINUTE + 50 * SECOND, 'hm', 'en')).toBe('1 h 31 min 50 s');
    expect(formatReportTime(HOUR + 31 * MINUTE + 50 * SECOND, 'decimal', 'en')).toBe('1.52 h');
  });

  it('gives the two formats the same minutes: the decimal figure is a function of the hours-and-minutes one', () => {
    const random = seededRandom(7);
    const seen = new Map<string, string>();
    for (let i = 0; i < 5000; i++) {
      const ms = Math.floor(random() * 300 * HOUR);
      const hm = formatReportTime(ms, 'hm', 'en');
      const decimal = formatReportTime(ms, 'decimal', 'en');
      expect(seen.get(hm) ?? decimal).toBe(decimal);
      seen.set(hm, decimal);
    }
  });
});

describe('billed time as the report shows it', () => {
  const month = monthRange(new Date(2026, 10, 15).getTime());
  const client = (roundingMinutes: ClientRecord['roundingMinutes']): ClientRecord => ({
    id: 'dupont', name: 'Boulangerie Dupont', color: '#c2410c', archived: false, createdAt: 0, hourlyRate: 40, currency: 'EUR', roundingMinutes,
  });
  const random = seededRandom(11);
  // A month of sessions with odd seconds and milliseconds, some across midnight.
  const sessions: SessionRecord[] = Array.from({ length: 120 }, (_, i) => {
    const start = month.from + Math.floor(random() * (month.to - month.from - 4 * HOUR));
    return { id: `s${i}`, start, end: start + Math.floor(random() * 3 * HOUR), clientId: 'dupont', platform: 'facebook', account: null, activity: 'browsing', source: 'auto', createdAt: 0, updatedAt: 0 };
  });
  const calendar: CalendarSettings = { workingDays: [1, 2, 3, 4, 5], weekStartsOn: 1 };
  /** What a reader makes of a printed figure, in seconds. */
  const seconds = (text: string) => {
    const [, h, m, sec] = /^(\d+) h (\d{2}) min (\d{2}) s$/.exec(text)!;
    return (Number(h) * 60 + Number(m)) * 60 + Number(sec);
  };
  const minutes = (text: string) => seconds(text) / 60;
  const printed = (ms: number) => seconds(formatReportTime(ms, 'hm', 'en'));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

  it.each(['hm', 'decimal'] as const)('with rounding off, is the time worked exactly as displayed, each day and in total (%s)', (format) => {
    const report = buildClientReport(sessions, client(0), month, calendar);
    expect(report.billedMs).toBe(report.totalMs);
    expect(formatReportTime(report.billedMs, format, 'en')).toBe(formatReportTime(report.totalMs, format, 'en'));
    for (const day of report.days) expect(formatReportTime(day.billedMs, format, 'fr')).toBe(formatReportTime(day.ms, format, 'fr'));
  });

  it.each([1, 5, 6, 10, 15] as const)('rounded up to %i min, is never shown below the time worked, and shows its whole minutes exactly', (increment) => {
    const report = buildClientReport(sessions, client(increment), month, calendar);
    for (const day of [...report.days, { ms: report.totalMs, billedMs: report.billedMs }]) {
      expect(day.billedMs % MINUTE).toBe(0);
      expect(minutes(formatReportTime(day.billedMs, 'hm', 'en'))).toBe(day.billedMs / MINUTE);
      expect(minutes(formatReportTime(day.billedMs, 'hm', 'en'))).toBeGreaterThanOrEqual(minutes(formatReportTime(day.ms, 'hm', 'en')));
    }
  });

  it.each([0, 1, 15] as const)('reconciles as printed, rounded to %i min: lines add up to their totals, and the amount is the printed billed time at the rate', (increment) => {
    const report = buildClientReport(sessions, client(increment), month, calendar);
    const total = printed(report.totalMs);
    expect(sum(report.days.map((d) => printed(d.ms)))).toBe(total);
    expect(sum(report.days.map((d) => printed(d.billedMs)))).toBe(printed(report.billedMs));
    expect(sum(report.platforms.map((p) => printed(p.ms)))).toBe(total);
    for (const p of report.platforms) expect(sum(p.accounts.map((a) => printed(a.ms)))).toBe(printed(p.ms));
    expect(sum(report.activities.map((a) => printed(a.ms)))).toBe(total);
    // 40 an hour: the amount a reader computes from the printed time, to the cent.
    expect(report.amountCents).toBe(Math.round((printed(report.billedMs) * 4000) / 3600));
  });
});
