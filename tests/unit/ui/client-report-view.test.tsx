import { render } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientRecord, SessionRecord } from '../../../lib/db/records';
import { buildClientReport } from '../../../lib/reports/client-report';
import type { ReportTimeFormat } from '../../../lib/reports/time-format';
import { setLanguage, type Language } from '../../../lib/ui/i18n';
import { ClientReportView, type ReportOptions } from '../../../lib/ui/reports/ClientReportView';

const at = (d: number, h: number, m = 0, s = 0) => new Date(2026, 10, d, h, m, s).getTime();
const week = { from: new Date(2026, 10, 23).getTime(), to: new Date(2026, 10, 30).getTime() };
const dupont: ClientRecord = {
  id: 'dupont', name: 'Boulangerie Dupont', color: '#c2410c', archived: false, createdAt: 0,
  contracts: [{ from: '2026-01-01', period: 'week', hours: 1 }], hourlyRate: 10.35, currency: 'EUR', roundingMinutes: 15,
};
const session = (start: number, end: number, change: Partial<SessionRecord> = {}): SessionRecord => ({
  id: String(start), start, end, clientId: 'dupont', platform: 'facebook', account: null, activity: 'browsing', source: 'auto', createdAt: 0, updatedAt: 0, ...change,
});

function rendered(language: Language, sessions: SessionRecord[], options: Partial<ReportOptions> = {}, client: ClientRecord = dupont): string {
  setLanguage(language);
  const report = buildClientReport(sessions, client, week, { workingDays: [1, 2, 3, 4, 5], weekStartsOn: 1 });
  return render(<ClientReportView report={report} options={{ showAmount: true, platformLabel: (p) => p, generatedAt: at(30, 9), timeFormat: 'hm', sender: '', ...options }} />);
}

/** The report as a reader sees its spaces (durations hold no-break ones). */
const shown = (...args: Parameters<typeof rendered>) => rendered(...args).replace(/\u00a0/g, ' ');

/** The text of the report, tags left out: what a reader sees. */
const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

afterEach(() => setLanguage('en'));

describe('the client report page', () => {
  it.each([
    ['en', 'Contract compared with time worked, before rounding'],
    ['fr', 'Contrat comparé au temps travaillé, avant arrondi'],
  ] as const)('says which time it compares with the contract (%s)', (language, line) => {
    expect(shown(language, [session(at(23, 9), at(23, 9, 50))])).toContain(line);
  });

  it('counts what is over the contract from the time worked, not the billed time', () => {
    // 62 min worked, billed 75 min: 2 min over the hour, not 15.
    const html = shown('en', [session(at(23, 9), at(23, 10, 2))]);
    expect(html).toContain('1 h 00 min 00 s contracted, 0 h 02 min 00 s over');
  });

  it('shows the rate and the amount in exact cents', () => {
    // 6 min worked, 15 min billed at 10.35 an hour: 2.5875, so 2.59.
    const html = shown('en', [session(at(23, 9), at(23, 9, 6))]);
    expect(html).toContain('Amount at €10.35 an hour');
    expect(html).toContain('€2.59');
  });

  it('after a change of rate, shows the time and amount at each rate, which add up to the amount', () => {
    // 1 h at 40 on Monday, 1 h 30 at 50 from Wednesday, not rounded.
    const changed = { ...dupont, roundingMinutes: 0 as const, hourlyRate: 50, rates: [{ from: '1970-01-01', hourlyRate: 40 }, { from: '2026-11-25', hourlyRate: 50 }] };
    const html = text(shown('en', [session(at(23, 9), at(23, 10)), session(at(25, 9), at(25, 10, 30))], {}, changed));
    expect(html).toContain('Amount, each day at the rate in force €115.00');
    expect(html).toContain('1 h 00 min 00 s at €40.00 an hour: €40.00');
    expect(html).toContain('1 h 30 min 00 s at €50.00 an hour: €75.00');
    // One rate: the heading says it, no breakdown.
    expect(shown('en', [session(at(23, 9), at(23, 10))])).not.toContain('report-rate-part');
  });

  it('in decimal hours, gives the billed time the amount is computed from, to the second, beside it', () => {
    // 50 min 05 s billed as 1 h (15-minute rounding) at 10.35: 10.35 for 1.00 h; not rounded, 8.64 for 0.83 h, 50 min 05 s.
    const sessions = [session(at(23, 9), at(23, 9, 50, 5))];
    expect(text(shown('en', sessions, { timeFormat: 'decimal' }))).toContain('€10.35 for 1 h 00 min 00 s billed');
    expect(text(shown('en', sessions, { timeFormat: 'decimal' }, { ...dupont, roundingMinutes: 0 }))).toContain('€8.64 for 0 h 50 min 05 s billed');
    expect(text(shown('en', sessions))).not.toContain('billed');
  });

  it('never breaks a duration across lines', () => {
    const html = rendered('fr', [session(at(23, 9), at(23, 9, 50, 5))]);
    expect(html).toContain('0\u00a0h\u00a050\u00a0min\u00a005\u00a0s');
    expect(rendered('en', [session(at(23, 9), at(23, 9, 50))], { timeFormat: 'decimal' })).toContain('0.83\u00a0h');
  });

  it('says the period was invoiced only when one invoice covers it, else which of its days were, for each invoice', () => {
    const sessions = [session(at(23, 9), at(23, 9, 50))];
    const invoicedAt = at(28, 10);
    expect(text(shown('en', sessions, { invoices: [{ from: '2026-11-01', to: '2026-11-30', invoicedAt }] }))).toContain('Invoiced on Nov 28, 2026');
    // This report's week runs from the 23rd to the 29th: two invoices cover parts of it; each is named, with the days of the report it covers.
    const partly = text(shown('en', sessions, { invoices: [{ from: '2026-11-16', to: '2026-11-25', invoicedAt }, { from: '2026-11-28', to: '2026-12-05', invoicedAt: at(30, 9) }] }));
    expect(partly).toContain('The days from Nov 23, 2026 to Nov 25, 2026 were invoiced on Nov 28, 2026');
    expect(partly).toContain('The days from Nov 28, 2026 to Nov 29, 2026 were invoiced on Nov 30, 2026');
    expect(partly).not.toContain('Invoiced on');
  });

  it('never breaks a duration across lines', () => {
    const html = rendered('fr', [session(at(23, 9), at(23, 9, 50, 5))]);
    expect(html).toContain('0\u00a0h\u00a050\u00a0min\u00a005\u00a0s');
    expect(rendered('en', [session(at(23, 9), at(23, 9, 50))], { timeFormat: 'decimal' })).toContain('0.83\u00a0h');
  });

  it('is in a main landmark, with one h1', () => {
    const html = shown('en', [session(at(23, 9), at(23, 9, 50))]);
    expect(html.startsWith('<main')).toBe(true);
    expect(html.match(/<h1/g)).toHaveLength(1);
  });
});

describe('the time in the report', () => {
  // 20 h 00 min 40 s over four days, not rounded.
  const long = [23, 24, 25, 26].map((d) => session(at(d, 8), at(d, 13) + 10_000));
  const notRounded = { ...dupont, roundingMinutes: 0 as const, contracts: [] };

  it.each([
    ['hm', '20 h 00 min 40 s', /\d\.\d\d h/],
    ['decimal', '20.00 h', /\d h \d\d/],
  ] as const)('is written in one format throughout (%s), but for the billed time beside a decimal amount', (format: ReportTimeFormat, total, other) => {
    const html = text(shown('en', long, { timeFormat: format }, notRounded).replace(/<dd[^>]*report-amount-basis[^>]*>[^<]*<\/dd>/, ''));
    expect(html).toContain(total);
    expect(html).not.toMatch(other);
    expect(html).not.toContain('20.01');
    if (format === 'decimal') expect(html).not.toMatch(/\d+ (min|s)\b/);
    // Decimal hours cannot add up to the second: the report says so, and only then.
    expect(html.includes('each figure rounded on its own')).toBe(format === 'decimal');
  });

  it('gives one total, not rounded, as time spent and billed, and no total row under the days', () => {
    const html = shown('en', long, {}, notRounded);
    expect(text(html)).toContain('Time spent and billed (not rounded) 20 h 00 min 40 s');
    // The total, then the one platform and the one kind of activity it all went to.
    expect(html.match(/20 h 00 min 40 s/g)).toHaveLength(3);
    expect(html).not.toContain('<tfoot');
    expect(html).not.toContain('report-billed');
  });

  it('with rounding, gives the time spent and the billed time once each, with the increment', () => {
    const html = text(shown('en', [session(at(23, 9), at(23, 9, 50))]));
    expect(html).toContain('Time spent 0 h 50 min 00 s');
    expect(html).toContain('Billed (each day rounded up to 15 min) 1 h 00 min 00 s');
  });
});

describe("the report's contents", () => {
  it("shows the sender's and the client's details, line by line", () => {
    const html = shown('en', [session(at(23, 9), at(23, 9, 50))], { sender: 'Léa Martin — Community management\n12 rue des Lilas, 75011 Paris\nSIRET 123 456 789 00012' }, { ...dupont, details: 'Mme Dupont\n3 place du Marché, 69002 Lyon' });
    expect(html).toMatch(/data-testid="report-sender">Léa Martin — Community management\n12 rue des Lilas, 75011 Paris\nSIRET 123 456 789 00012</);
    expect(html).toMatch(/data-testid="report-client-details">Mme Dupont\n3 place du Marché, 69002 Lyon</);
    expect(html).toContain('white-space: pre-line');
  });

  it('leaves the sender out when there is none, and escapes what was typed', () => {
    const html = shown('en', [session(at(23, 9), at(23, 9, 50))], { sender: '  ' }, { ...dupont, details: '<b>Dupont</b>' });
    expect(html).not.toContain('report-sender');
    expect(html).toContain('&lt;b>Dupont&lt;/b>');
  });

  it('lists the manual entries with their date, duration, kind and note', () => {
    const meeting = session(at(25, 14), at(25, 15, 30), { platform: 'manual', activity: 'meeting', source: 'manual', note: 'December calendar with Mme Dupont' });
    const html = text(shown('en', [session(at(23, 9), at(23, 9, 50)), meeting]));
    expect(html).toContain('Calls, meetings and other work away from the platforms');
    expect(html).toContain('Nov 25, 2026 1 h 30 min 00 s Meeting December calendar with Mme Dupont');
  });

  it('breaks the time down by platform and account', () => {
    const html = text(shown('en', [session(at(23, 9), at(23, 9, 50), { account: 'boulangerie-dupont' }), session(at(24, 9), at(24, 9, 10), { account: null })]));
    expect(html).toContain('By platform and account');
    expect(html).toContain('facebook 1 h 00 min 00 s boulangerie-dupont 0 h 50 min 00 s No account identified 0 h 10 min 00 s');
  });

  it('hides the days without time unless asked, and says when there is none', () => {
    const sessions = [session(at(23, 9), at(23, 9, 50)), session(at(26, 9), at(26, 9, 20))];
    const days = (html: string) => (html.match(/data-testid="report-days"[\s\S]*?<\/table>/)![0].match(/<tr/g) ?? []).length - 1;
    expect(days(shown('en', sessions))).toBe(2);
    expect(days(shown('en', sessions, { showEmptyDays: true }))).toBe(7);
    expect(shown('fr', [])).toContain('Aucun temps sur cette période.');
  });
});
