import { useEffect, useState } from 'preact/hooks';
import { calendarFromSettings } from '../../lib/contracts/calendar';
import { usedInPeriodBefore } from '../../lib/db/previous-period';
import { clientSessionsOverlapping } from '../../lib/db/session-queries';
import { buildClientReport, type ClientReport } from '../../lib/reports/client-report';
import type { Settings } from '../../lib/settings/settings';
import { dayRange, isoDate, parseIsoDate } from '../../lib/time/calendar';
import { t } from '../../lib/ui/i18n';
import { db } from '../../lib/ui/page-db';
import { ClientReportView } from '../../lib/ui/reports/ClientReportView';
import type { InvoiceRecord } from '../../lib/db/records';
import { activeInvoicesOverlapping } from '../../lib/invoices/locks';
import { InvoiceBar } from './InvoiceBar';
import { platformLabel } from '../../lib/ui/labels';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; report: ClientReport; invoices: InvoiceRecord[] };

/** `report.html?client=ID&from=YYYY-MM-DD&to=YYYY-MM-DD&amount=1`: one client's report, ready to print or save as PDF. */
export function ReportPage({ settings }: { settings: Settings }) {
  const params = new URLSearchParams(location.search);
  const clientId = params.get('client') ?? '';
  const from = parseIsoDate(params.get('from') ?? '');
  const to = parseIsoDate(params.get('to') ?? '');
  const showAmount = params.get('amount') === '1';
  const [state, setState] = useState<State>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const [showEmptyDays, setShowEmptyDays] = useState(false);

  useEffect(() => {
    (async () => {
      if (from === null || to === null || to < from) return setState({ status: 'error', message: t('reportBadRange') });
      const client = await db.clients.get(clientId);
      if (!client) return setState({ status: 'error', message: t('reportNoClient') });
      const range = { from, to: dayRange(to).to };
      const sessions = await clientSessionsOverlapping(db, client.id, range.from, range.to);
      const calendar = calendarFromSettings(settings);
      const report = buildClientReport(sessions, client, range, calendar, await usedInPeriodBefore(db, client, range, calendar));
      const invoices = activeInvoicesOverlapping(await db.invoices.where('clientId').equals(client.id).toArray(), client.id, isoDate(from), isoDate(to));
      document.title = t('reportTitle', client.name);
      setState({ status: 'ready', report, invoices });
    })().catch(() => setState({ status: 'error', message: t('errorData') }));
  }, [version]);

  if (state.status === 'loading') {
    return (
      <main>
        <p class="message" aria-busy="true">
          {t('loading')}
        </p>
      </main>
    );
  }
  if (state.status === 'error') {
    return (
      <main>
        <p class="message" role="alert">
          {state.message}
        </p>
      </main>
    );
  }
  return (
    <>
      <header class="toolbar no-print">
        <button type="button" onClick={() => window.print()}>
          {t('reportPrint')}
        </button>
        <InvoiceBar
          clientId={clientId}
          from={isoDate(from!)}
          to={isoDate(to!)}
          invoices={state.invoices}
          periodEnded={isoDate(to!) < isoDate(Date.now())}
          onChanged={() => setVersion((v) => v + 1)}
        />
        <label>
          <input type="checkbox" checked={showEmptyDays} data-testid="report-empty-days" onChange={(e) => setShowEmptyDays(e.currentTarget.checked)} /> {t('reportShowEmptyDays')}
        </label>
      </header>
      <ClientReportView
        report={state.report}
        options={{
          showAmount,
          platformLabel: (p) => platformLabel(p, settings.customSites),
          generatedAt: Date.now(),
          invoices: state.invoices,
          timeFormat: settings.reportTimeFormat,
          sender: settings.reportSender,
          showEmptyDays,
        }}
      />
    </>
  );
}
