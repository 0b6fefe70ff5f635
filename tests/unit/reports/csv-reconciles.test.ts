import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { CalendarSettings } from '../../../lib/contracts/targets';
import { totalsOfDay } from '../../../lib/db/day-totals';
import { PERSONAL_CLIENT_ID, ROUNDING_CHOICES, type ClientRecord, type SessionRecord } from '../../../lib/db/records';
import { CSV_COLUMNS, sessionsCsv } from '../../../lib/export/sessions-csv';
import { neutralizeFormula } from '../../../lib/export/neutralize';
import { buildClientReport } from '../../../lib/reports/client-report';
import { buildCockpit, cockpitRange } from '../../../lib/reports/cockpit';
import { buildPeriodView } from '../../../lib/reports/period-view';
import { dayRange, daysIn, isoDate, monthRange } from '../../../lib/time/calendar';
import { HOUR, MINUTE, SECOND } from '../../../lib/time/clock';
import type { TimeRange } from '../../../lib/time/local-day';
import { seededRandom } from '../../support/seeded-random';

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

const calendar: CalendarSettings = { workingDays: [1, 2, 3, 4, 5], weekStartsOn: 1 };
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
/** The months of the clock changes in Europe and North America, then random ones. */
const FIXED_MONTHS = [new Date(2026, 2, 15), new Date(2026, 9, 15), new Date(2026, 10, 15)];

interface Month {
  range: TimeRange;
  clients: ClientRecord[];
  /** Each client's rate in cents, as typed: what the amount must follow from. */
  cents: Map<string, number | null>;
  sessions: SessionRecord[];
  now: number;
}

function randomMonth(seed: number): Month {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const middle = FIXED_MONTHS[seed] ?? new Date(2025 + Math.floor(random() * 3), Math.floor(random() * 12), 15);
  const range = monthRange(middle.getTime());
  const cents = new Map<string, number | null>();
  const clients = ['Boulangerie Dupont', 'Fleuriste Martin', '=Garage Petit', 'Café  des Arts'].map((name, i): ClientRecord => {
    const rate = random() < 0.15 ? null : Math.floor(random() * 20_000);
    cents.set(`c${i}`, rate);
    return {
      id: `c${i}`, name, color: '#123456', archived: false, createdAt: 0,
      contracts: [{ from: '2020-01-01', period: pick(['day', 'week', 'month'] as const), hours: Math.floor(random() * 40) / 4 }],
      hourlyRate: rate === null ? null : Number(`${Math.floor(rate / 100)}.${String(rate % 100).padStart(2, '0')}`),
      currency: 'EUR',
      roundingMinutes: pick(ROUNDING_CHOICES),
    };
  });
  const owners = [...clients.map((c) => c.id), null, PERSONAL_CLIENT_ID];
  const sessions = Array.from({ length: 20 + Math.floor(random() * 80) }, (_, i): SessionRecord => {
    const kind = random();
    // Some before and after the month, some in the last minutes of a day, all with milliseconds.
    const start = kind < 0.2
      ? daysIn(range)[Math.floor(random() * daysIn(range).length)]! + 24 * HOUR - Math.floor(random() * 40 * MINUTE)
      : range.from - 2 * HOUR + Math.floor(random() * (range.to - range.from + 4 * HOUR));
    const length = kind < 0.35 ? Math.floor(random() * 2 * SECOND) : kind < 0.6 ? Math.floor(random() * 10 * MINUTE) : Math.floor(random() * 3 * HOUR);
    return {
      id: `s${i}`, start, end: start + length, clientId: pick(owners), platform: pick(['facebook', 'instagram', 'manual']),
      account: null, activity: pick(['browsing', 'messages', 'call']), source: 'auto', createdAt: 0, updatedAt: 0,
    };
  });
  return { range, clients, cents, sessions, now: range.from + Math.floor(random() * (range.to - range.from)) };
}

/** What a spreadsheet does with the CSV: parse it, then add up `seconds` per client and date. */
function secondsByDate(csv: string, clientName: string): Map<string, number> {
  const rows = Papa.parse<Row>(csv, { header: true, skipEmptyLines: true }).data;
  const byDate = new Map<string, number>();
  for (const row of rows.filter((r) => r.client === neutralizeFormula(clientName))) byDate.set(row.date, (byDate.get(row.date) ?? 0) + Number(row.seconds));
  return byDate;
}

/** The README's rules, in integers: each day rounded up on its own, the amount rounded half up once. */
const billedSeconds = (seconds: number, increment: number) => (increment === 0 ? seconds : Math.ceil(seconds / (60 * increment)) * 60 * increment);
const amountOf = (seconds: number, cents: number) => Number((2n * BigInt(seconds) * BigInt(cents) + 3600n) / 7200n);

const SEEDS = Array.from({ length: 40 }, (_, i) => i);

describe(`random months reconcile to the second and the cent (${zone})`, () => {
  it('runs in one of the two zones the tests are made for', () => expect(['Europe/Paris', 'America/New_York']).toContain(zone));

  it.each(SEEDS)('seed %i: every CSV row lasts from its printed start to its printed end, in whole seconds', (seed) => {
    const month = randomMonth(seed);
    const names = new Map(month.clients.map((c) => [c.id, c.name]));
    const csv = sessionsCsv(month.sessions, month.range, { variant: 'standard', clientName: (id) => (id === null ? '' : (names.get(id) ?? 'Personal')) });
    const parsed = Papa.parse<Row>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    for (const row of parsed.data) {
      const seconds = Number(row.seconds);
      expect(Number.isInteger(seconds) && seconds >= 1).toBe(true);
      expect(Date.parse(row.end) - Date.parse(row.start)).toBe(seconds * SECOND);
      expect(row.start.slice(0, 10)).toBe(row.date);
      expect(Math.abs(Number(row.minutes) * 60 - seconds)).toBeLessThanOrEqual(0.3);
    }
  });

  it.each(SEEDS)("seed %i: a client's rows add up to its report: each day, billed days, totals, amount", (seed) => {
    const month = randomMonth(seed);
    const csv = sessionsCsv(month.sessions, month.range, { variant: 'standard', clientName: (id) => month.clients.find((c) => c.id === id)?.name ?? '' });
    for (const client of month.clients) {
      const report = buildClientReport(month.sessions, client, month.range, calendar);
      const byDate = secondsByDate(csv, client.name);
      expect([...byDate.keys()].every((date) => report.days.some((d) => isoDate(d.day) === date))).toBe(true);
      const increment = client.roundingMinutes ?? 0;
      const days = report.days.map((d) => byDate.get(isoDate(d.day)) ?? 0);
      expect(report.days.map((d) => d.ms)).toEqual(days.map((s) => s * SECOND));
      expect(report.days.map((d) => d.billedMs)).toEqual(days.map((s) => billedSeconds(s, increment) * SECOND));
      const total = days.reduce((a, b) => a + b, 0);
      const billed = days.reduce((a, s) => a + billedSeconds(s, increment), 0);
      expect([report.totalMs, report.billedMs]).toEqual([total * SECOND, billed * SECOND]);
      const cents = month.cents.get(client.id)!;
      expect(report.amountCents).toBe(cents === null ? null : amountOf(billed, cents));
    }
  });

  it.each(SEEDS)('seed %i: the views, the day totals and the popup count the same seconds as the report', (seed) => {
    const month = randomMonth(seed);
    const view = buildPeriodView(month.sessions, month.clients, month.range, calendar);
    const today = dayRange(month.now);
    const pastDays = daysIn(cockpitRange(month.now, calendar)).filter((d) => d < today.from).map((d) => totalsOfDay(month.sessions, d));
    const cockpit = buildCockpit(pastDays, month.sessions, month.clients, calendar, month.now);
    for (const client of month.clients) {
      const report = buildClientReport(month.sessions, client, month.range, calendar);
      const bucket = view.buckets.find((b) => b.bucket === client.id);
      expect(bucket?.ms ?? 0).toBe(report.totalMs);
      if (bucket) expect(bucket.progress).toEqual(report.progress);
      expect(view.days.map((d) => d.byBucket.get(client.id) ?? 0)).toEqual(report.days.map((d) => d.ms));
      expect(report.days.map((d) => totalsOfDay(month.sessions, d.day).byClient[client.id] ?? 0)).toEqual(report.days.map((d) => d.ms));
      const soFar = buildClientReport(month.sessions, client, { from: month.range.from, to: today.to }, calendar);
      const figures = cockpit.find((c) => c.client.id === client.id)!;
      expect(figures.month.progress.usedMs).toBe(soFar.totalMs);
      const cents = month.cents.get(client.id)!;
      const todaySeconds = (soFar.days.find((d) => d.day === today.from)?.ms ?? 0) / SECOND;
      expect(figures.day.valueCents).toBe(cents === null ? null : amountOf(todaySeconds, cents));
    }
  });

  it.each(SEEDS)('seed %i: the spreadsheet variant holds the same rows, with decimal commas', (seed) => {
    const month = randomMonth(seed);
    const clientName = (id: string | null) => month.clients.find((c) => c.id === id)?.name ?? '';
    const standard = Papa.parse<Row>(sessionsCsv(month.sessions, month.range, { variant: 'standard', clientName }), { header: true, skipEmptyLines: true }).data;
    const spreadsheet = Papa.parse<Row>(sessionsCsv(month.sessions, month.range, { variant: 'spreadsheet', clientName }).slice(1), { header: true, delimiter: ';', skipEmptyLines: true }).data;
    expect(spreadsheet).toEqual(standard.map((row) => ({ ...row, minutes: row.minutes.replace('.', ',') })));
  });
});
