import type { ClientReport } from '../../reports/client-report';
import { formatReportTime, type ReportTimeFormat } from '../../reports/time-format';
import { MANUAL_PLATFORM } from '../../db/records';
import { formatDay, formatMoney } from '../format';
import { currentLanguage, t } from '../i18n';
import { activityLabel, billedRoundedLabel } from '../labels';
import { invoiceText, type InvoiceNote } from '../invoice-text';
import { isoDate } from '../../time/calendar';

/**
 * Print styles travel with the report, so the same markup works as a page and as a
 * downloaded file. On paper: A4, rows and blocks never cut in two, headings kept with
 * what follows them.
 */
export const REPORT_CSS = `
.report { font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2328; max-width: 46rem; margin: 0 auto; padding: 2rem 1.5rem; background: #fff; }
.report h1 { font-size: 1.6rem; margin: 0 0 0.2rem; }
.report h2 { font-size: 1rem; margin: 1.5rem 0 0.5rem; border-bottom: 1px solid #d1d9e0; padding-bottom: 0.2rem; }
.report .period { color: #59636e; margin: 0; }
.report .parties { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.75rem 2rem; margin-top: 1.25rem; }
.report .parties p { margin: 0; }
.report .party-label { color: #59636e; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; }
.report .lines { white-space: pre-line; }
.report .summary { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.75rem; margin-top: 1.25rem; }
@media (max-width: 32rem) { .report .summary { grid-template-columns: minmax(0, 1fr); } }
.report .summary div { border: 1px solid #d1d9e0; border-radius: 8px; padding: 0.6rem 0.75rem; }
.report .summary dt { color: #59636e; font-size: 0.8rem; }
.report .summary dd { margin: 0; font-size: 1.15rem; font-weight: 600; }
.report .summary dd.basis { margin-top: 0.2rem; color: #59636e; font-size: 0.8rem; font-weight: normal; }
.report table { width: 100%; border-collapse: collapse; }
.report th, .report td { text-align: left; vertical-align: top; padding: 0.3rem 0.4rem; border-bottom: 1px solid #eaeef2; }
.report thead th { color: #59636e; font-size: 0.8rem; font-weight: 600; }
.report tbody th { font-weight: normal; }
.report td.num, .report th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.report tr.group th, .report tr.group td { font-weight: 600; }
.report tr.sub th { padding-left: 1.4rem; }
.report td.note-text { white-space: pre-line; }
.report .note { color: #59636e; font-size: 0.85rem; margin-top: 1.5rem; }
.report .over { color: #cf222e; }
@page { size: A4; margin: 15mm 15mm 18mm; }
@media print {
  .report { max-width: none; padding: 0; font-size: 10.5pt; }
  .no-print { display: none !important; }
  .report tr, .report .summary div, .report .parties { break-inside: avoid; }
  .report h2 { break-after: avoid; }
}
`;

export interface ReportOptions {
  showAmount: boolean;
  platformLabel: (platform: string) => string;
  generatedAt: number;
  /** The invoices (not unlocked since) that overlap the report's dates. */
  invoices?: readonly InvoiceNote[];
  /** Every duration of the report in this one format. */
  timeFormat: ReportTimeFormat;
  /** Who prepares the report, as typed in the settings; '' for nobody named. */
  sender: string;
  /** Days without time are left out unless asked for. */
  showEmptyDays?: boolean;
}

/**
 * One client's report: who it is from and for, the period, one total (time worked, and
 * billed when the client's time is rounded), the contract, the amount if asked, then the
 * days, the platforms and accounts, the kinds of activity and the manual entries with
 * their notes.
 */
export function ClientReportView({ report, options }: { report: ClientReport; options: ReportOptions }) {
  const { client, progress: contract } = report;
  const rounding = client.roundingMinutes ?? 0;
  const language = currentLanguage();
  // A duration is never broken across lines: a sentence that holds one breaks around it.
  const unbroken = (text: string) => text.replace(/ /g, '\u00a0');
  const time = (ms: number) => unbroken(formatReportTime(ms, options.timeFormat, language));
  const days = options.showEmptyDays ? report.days : report.days.filter((d) => d.ms > 0);
  const sender = options.sender.trim();
  const currency = client.currency;
  return (
    <main class="report" data-testid="client-report">
      <style>{REPORT_CSS}</style>
      <h1>{t('reportTitle', client.name)}</h1>
      <p class="period">{t('reportPeriod', formatDay(report.range.from), formatDay(report.range.to - 1))}</p>
      <div class="parties">
        {sender && (
          <div>
            <p class="party-label">{t('reportFromLabel')}</p>
            <p class="lines" data-testid="report-sender">
              {sender}
            </p>
          </div>
        )}
        <div>
          <p class="party-label">{t('reportForLabel')}</p>
          <p>
            <strong>{client.name}</strong>
          </p>
          {client.details && (
            <p class="lines" data-testid="report-client-details">
              {client.details}
            </p>
          )}
        </div>
      </div>

      <dl class="summary">
        {rounding > 0 ? (
          <>
            <div>
              <dt>{t('reportTimeSpent')}</dt>
              <dd data-testid="report-total">{time(report.totalMs)}</dd>
            </div>
            <div>
              <dt>{billedRoundedLabel(rounding)}</dt>
              <dd data-testid="report-billed">{time(report.billedMs)}</dd>
            </div>
          </>
        ) : (
          // Not rounded, the time billed is the time worked: one figure, which cannot disagree with itself.
          <div>
            <dt>{t('reportTimeNotRounded')}</dt>
            <dd data-testid="report-total">{time(report.totalMs)}</dd>
          </div>
        )}
        <div>
          <dt>{t('reportContract')}</dt>
          <dd data-testid="report-contract" class={contract.state === 'over' ? 'over' : ''}>
            {contract.targetMs === null
              ? t('contractNone')
              : contract.state === 'day-off'
                ? t('workedDayOff', time(report.totalMs))
                : contract.state === 'over'
                  ? t('reportOver', time(contract.targetMs), time(report.totalMs - contract.targetMs))
                  : t('reportUnder', time(contract.targetMs), time(contract.remainingMs ?? 0))}
          </dd>
          {contract.carriedMs > 0 && <dd class="basis">{t('inclCarried', time(contract.carriedMs))}</dd>}
          {contract.targetMs !== null && <dd class="basis">{t('reportContractBasis')}</dd>}
        </div>
        {options.showAmount && report.amountCents !== null && currency && (
          <div>
            <dt>{report.rateCents !== null ? t('reportAmount', formatMoney(report.rateCents, currency)) : t('reportAmountRates')}</dt>
            <dd data-testid="report-amount">{formatMoney(report.amountCents, currency)}</dd>
            {/* Hundredths of an hour cannot give the amount back: the time it is computed from can. */}
            {options.timeFormat === 'decimal' && (
              <dd class="basis" data-testid="report-amount-basis">
                {t('reportAmountBasis', unbroken(formatReportTime(report.billedMs, 'hm', language)))}
              </dd>
            )}
            {/* Several rates: each one's time and amount, which the amount is the sum of. */}
            {report.rateParts.length > 1 &&
              report.rateParts.map((part) => (
                <dd key={part.rateCents} class="basis" data-testid="report-rate-part">
                  {t('reportRatePart', time(part.ms), formatMoney(part.rateCents, currency), formatMoney(part.amountCents, currency))}
                </dd>
              ))}
          </div>
        )}
      </dl>

      <h2>{t('reportByDay')}</h2>
      {days.length === 0 ? (
        <p data-testid="report-no-time">{t('reportNoTime')}</p>
      ) : (
        <table data-testid="report-days">
          <thead>
            <tr>
              <th scope="col">{t('date')}</th>
              <th scope="col" class="num">
                {t('reportTimeSpent')}
              </th>
              {rounding > 0 && (
                <th scope="col" class="num">
                  {t('reportBilled')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{formatDay(d.day)}</th>
                <td class="num">{time(d.ms)}</td>
                {rounding > 0 && <td class="num">{time(d.billedMs)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {report.platforms.length > 0 && (
        <>
          <h2>{t('reportByPlatformAccount')}</h2>
          <table data-testid="report-platforms">
            <thead>
              <tr>
                <th scope="col">{t('reportPlatformAccount')}</th>
                <th scope="col" class="num">
                  {t('reportTimeSpent')}
                </th>
              </tr>
            </thead>
            {report.platforms.map((p) => {
              // Manual time has no account: its entries are listed one by one below.
              const accounts = p.platform === MANUAL_PLATFORM || p.accounts.every((a) => a.account === null) ? [] : p.accounts;
              return (
                <tbody key={p.platform}>
                  <tr class="group">
                    <th scope="row">{p.platform === MANUAL_PLATFORM ? t('manualWork') : options.platformLabel(p.platform)}</th>
                    <td class="num">{time(p.ms)}</td>
                  </tr>
                  {accounts.map((a) => (
                    <tr key={a.account ?? ''} class="sub">
                      <th scope="row">{a.account ?? t('reportNoAccount')}</th>
                      <td class="num">{time(a.ms)}</td>
                    </tr>
                  ))}
                </tbody>
              );
            })}
          </table>
          <h2>{t('byActivity')}</h2>
          <table data-testid="report-activities">
            <thead>
              <tr>
                <th scope="col">{t('reportActivity')}</th>
                <th scope="col" class="num">
                  {t('reportTimeSpent')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.activities.map((a) => (
                <tr key={a.activity}>
                  <th scope="row">{activityLabel(a.activity)}</th>
                  <td class="num">{time(a.ms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      {report.manual.length > 0 && (
        <>
          <h2>{t('reportManual')}</h2>
          <table data-testid="report-manual">
            <thead>
              <tr>
                <th scope="col">{t('date')}</th>
                <th scope="col" class="num">
                  {t('duration')}
                </th>
                <th scope="col">{t('kind')}</th>
                <th scope="col">{t('note')}</th>
              </tr>
            </thead>
            <tbody>
              {report.manual.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{formatDay(m.start)}</th>
                  <td class="num">{time(m.ms)}</td>
                  <td>{activityLabel(m.kind)}</td>
                  <td class="note-text">{m.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      {options.timeFormat === 'decimal' && (
        <p class="note" data-testid="report-decimal-note">
          {t('reportDecimalNote')}
        </p>
      )}
      {(options.invoices ?? []).map((invoice) => (
        <p key={invoice.from} class="note" data-testid="report-invoiced">
          {invoiceText(invoice, isoDate(report.range.from), isoDate(report.range.to - 1))}
        </p>
      ))}
      <p class="note">{t('reportFooter', formatDay(options.generatedAt))}</p>
    </main>
  );
}
