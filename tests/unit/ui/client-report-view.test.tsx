import { render } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientRecord, SessionRecord } from '../../../lib/db/records';
import { buildClientReport } from '../../../lib/reports/client-report';
import { setLanguage, type Language } from '../../../lib/ui/i18n';
import { ClientReportView } from '../../../lib/ui/reports/ClientReportView';

const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).getTime();
const week = { from: new Date(2026, 10, 23).getTime(), to: new Date(2026, 10, 30).getTime() };
const dupont: ClientRecord = {
  id: 'dupont', name: 'Boulangerie Dupont', color: '#c2410c', archived: false, createdAt: 0,
  contracts: [{ from: '2026-01-01', period: 'week', hours: 1 }], hourlyRate: 10.35, currency: 'EUR', roundingMinutes: 15,
};
const session = (start: number, end: number): SessionRecord => ({
  id: String(start), start, end, clientId: 'dupont', platform: 'facebook', account: null, activity: 'browsing', source: 'auto', createdAt: 0, updatedAt: 0,
});

function shown(language: Language, sessions: SessionRecord[]): string {
  setLanguage(language);
  const report = buildClientReport(sessions, dupont, week, { workingDays: [1, 2, 3, 4, 5], weekStartsOn: 1 });
  return render(<ClientReportView report={report} options={{ showAmount: true, platformLabel: (p) => p, generatedAt: at(30, 9) }} />);
}

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
    expect(html).toContain('1 h contracted, 2 min over');
  });

  it('shows the rate and the amount in exact cents', () => {
    // 6 min worked, 15 min billed at 10.35 an hour: 2.5875, so 2.59.
    const html = shown('en', [session(at(23, 9), at(23, 9, 6))]);
    expect(html).toContain('Amount at €10.35 an hour');
    expect(html).toContain('€2.59');
  });
});
