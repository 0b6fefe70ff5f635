import type { ClientReport } from '../../reports/client-report';
import { formatDay, formatDuration, formatHours, formatMoney } from '../format';
import { t } from '../i18n';
import { activityLabel } from '../labels';

/** Print styles travel with the report, so the same markup works as a page and as a downloaded file. */
export const REPORT_CSS = `
.report { font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2328; max-width: 46rem; margin: 0 auto; padding: 2rem 1.5rem; background: #fff; }
.report h1 { font-size: 1.6rem; margin: 0 0 0.2rem; }
.report h2 { font-size: 1rem; margin: 1.5rem 0 0.5rem; border-bottom: 1px solid #d1d9e0; padding-bottom: 0.2rem; }
.report .period { color: #59636e; margin: 0; }
.report .summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 0.75rem; margin-top: 1.25rem; }
.report .summary div { border: 1px solid #d1d9e0; border-radius: 8px; padding: 0.6rem 0.75rem; }
.report .summary dt { color: #59636e; font-size: 0.8rem; }
.report .summary dd { margin: 0; font-size: 1.15rem; font-weight: 600; }
.report .summary dd.basis { margin-top: 0.2rem; color: #59636e; font-size: 0.8rem; font-weight: normal; }
.report table { width: 100%; border-collapse: collapse; }
.report th, .report td { text-align: left; padding: 0.3rem 0.4rem; border-bottom: 1px solid #eaeef2; }
.report td.num, .report th.num { text-align: right; font-variant-numeric: tabular-nums; }
.report tfoot td, .report tfoot th { font-weight: 600; border-top: 2px solid #d1d9e0; }
.report .note { color: #59636e; font-size: 0.85rem; margin-top: 1.5rem; }
.report .over { color: #cf222e; }
@media print { .report { padding: 0; } .no-print { display: none !important; } @page { margin: 1.5cm; } }
`;

export interface ReportOptions {
  showAmount: boolean;
  platformLabel: (platform: string) => string;
  generatedAt: number;
  /** When the period was marked as invoiced, if it was (and not unlocked since). */
  invoicedAt?: number | null;
}

/** One client's report: its name, the period, daily and per-platform totals, the contract, rounding and, if asked, the amount. */
export function ClientReportView({ report, options }: { report: ClientReport; options: ReportOptions }) {
  const { client, progress: contract } = report;
  const rounding = client.roundingMinutes ?? 0;
  const lastDay = report.range.to - 1;
  return (
    <article class="report" lang={undefined} data-testid="client-report">
      <style>{REPORT_CSS}</style>
      <h1>{t('reportTitle', client.name)}</h1>
      <p class="period">{t('reportPeriod', formatDay(report.range.from), formatDay(lastDay))}</p>
      <dl class="summary">
        <div>
          <dt>{t('reportTimeSpent')}</dt>
          <dd data-testid="report-total">{formatDuration(report.totalMs)}</dd>
        </div>
        <div>
          <dt>{rounding > 0 ? t('reportBilledRounded', String(rounding)) : t('reportBilled')}</dt>
          <dd data-testid="report-billed">{t('reportHours', formatHours(report.billedMs))}</dd>
        </div>
        <div>
          <dt>{t('reportContract')}</dt>
          <dd data-testid="report-contract" class={contract.state === 'over' ? 'over' : ''}>
            {contract.targetMs === null
              ? t('contractNone')
              : contract.state === 'day-off'
                ? t('workedDayOff', formatDuration(report.totalMs))
                : contract.state === 'over'
                  ? t('reportOver', t('reportHours', formatHours(contract.targetMs)), formatDuration(report.totalMs - contract.targetMs))
                  : t('reportUnder', t('reportHours', formatHours(contract.targetMs)), formatDuration(contract.remainingMs ?? 0))}
          </dd>
          {contract.carriedMs > 0 && <dd class="basis">{t('inclCarried', formatDuration(contract.carriedMs))}</dd>}
          {contract.targetMs !== null && <dd class="basis">{t('reportContractBasis')}</dd>}
        </div>
        {options.showAmount && report.rateCents !== null && report.amountCents !== null && client.currency && (
          <div>
            <dt>{t('reportAmount', formatMoney(report.rateCents, client.currency))}</dt>
            <dd data-testid="report-amount">{formatMoney(report.amountCents, client.currency)}</dd>
          </div>
        )}
      </dl>

      <h2>{t('reportByDay')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('date')}</th>
            <th scope="col" class="num">
              {t('reportTimeSpent')}
            </th>
            <th scope="col" class="num">
              {t('reportBilled')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.days.map((d) => (
            <tr key={d.day}>
              <td>{formatDay(d.day)}</td>
              <td class="num">{d.ms > 0 ? formatDuration(d.ms) : '—'}</td>
              <td class="num">{d.billedMs > 0 ? t('reportHours', formatHours(d.billedMs)) : '—'}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('total')}</th>
            <td class="num">{formatDuration(report.totalMs)}</td>
            <td class="num">{t('reportHours', formatHours(report.billedMs))}</td>
          </tr>
        </tfoot>
      </table>

      {report.platforms.length > 0 && (
        <>
          <h2>{t('byPlatform')}</h2>
          <table>
            <tbody>
              {report.platforms.map((p) => (
                <tr key={p.platform}>
                  <td>{p.platform === 'manual' ? t('manualWork') : options.platformLabel(p.platform)}</td>
                  <td class="num">{formatDuration(p.ms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('byActivity')}</h2>
          <table>
            <tbody>
              {report.activities.map((a) => (
                <tr key={a.activity}>
                  <td>{activityLabel(a.activity)}</td>
                  <td class="num">{formatDuration(a.ms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {options.invoicedAt != null && (
        <p class="note" data-testid="report-invoiced">
          {t('invoicedOn', formatDay(options.invoicedAt))}
        </p>
      )}
      <p class="note">{t('reportFooter', formatDay(options.generatedAt))}</p>
    </article>
  );
}
