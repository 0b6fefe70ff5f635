import { useState } from 'preact/hooks';
import { calendarFromSettings } from '../../../lib/contracts/calendar';
import { dailyTargetMs } from '../../../lib/contracts/targets';
import { PERSONAL_CLIENT_ID } from '../../../lib/db/records';
import { sessionsOverlapping } from '../../../lib/db/session-queries';
import { buildPeriodView, usedByClient, type Bucket, type PeriodView } from '../../../lib/reports/period-view';
import { reportPath } from '../../../lib/reports/report-link';
import type { Settings } from '../../../lib/settings/settings';
import { ProgressMeter } from '../../../lib/ui/components/ProgressMeter';
import { PeriodPicker, periodRange, periodTitle, previousPeriodRange, type Period } from '../../../lib/ui/components/PeriodPicker';
import { StackedBars } from '../../../lib/ui/components/StackedBars';
import { formatDay, formatDuration, formatMoney, formatShortDuration, formatWeekday } from '../../../lib/ui/format';
import { currentLanguage, t } from '../../../lib/ui/i18n';
import { formatReportTime } from '../../../lib/reports/time-format';
import { activityLabel, platformLabel } from '../../../lib/ui/labels';
import { useLiveQuery } from '../../../lib/ui/use-live-query';
import { useSyncStatus } from '../../../lib/ui/use-sync-status';
import { memberResolver } from '../../../lib/sync/members';
import { db } from '../../../lib/ui/page-db';

const PERSONAL_COLOR = '#8b949e';
const UNASSIGNED_COLOR = '#d0d7de';

function bucketLabel(view: PeriodView, bucket: Bucket): string {
  if (bucket === null) return t('unassigned');
  if (bucket === PERSONAL_CLIENT_ID) return t('personalTime');
  return view.buckets.find((b) => b.bucket === bucket)?.client?.name ?? t('unassigned');
}

function bucketColor(view: PeriodView, bucket: Bucket): string {
  if (bucket === null) return UNASSIGNED_COLOR;
  if (bucket === PERSONAL_CLIENT_ID) return PERSONAL_COLOR;
  return view.buckets.find((b) => b.bucket === bucket)?.client?.color ?? UNASSIGNED_COLOR;
}

function Totals({ title, rows, testId }: { title: string; rows: Array<{ key: string; label: string; ms: number }>; testId: string }) {
  return (
    <div class="card">
      <h2>{title}</h2>
      <table class="table" data-testid={testId}>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td class="num">{formatDuration(row.ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The week or month: each day stacked by client, each client against its contract, by platform and by activity. */
export function ReportsSection({ settings }: { settings: Settings }) {
  const [period, setPeriod] = useState<Period>({ kind: 'week', anchor: Date.now() });
  const range = periodRange(period, settings.weekStartsOn);
  const sessions = useLiveQuery(() => sessionsOverlapping(db, range.from, range.to), [range.from, range.to]);
  // The period before, for what contracts carry over from it.
  const previous = previousPeriodRange(period, settings.weekStartsOn);
  const previousSessions = useLiveQuery(() => sessionsOverlapping(db, previous.from, previous.to), [previous.from, previous.to]);
  const clients = useLiveQuery(() => db.clients.toArray(), []);
  const calendar = calendarFromSettings(settings);
  const sync = useSyncStatus();
  const memberOf = sync ? memberResolver(sync.webdav.devices, sync.webdav.device) : null;

  let body;
  if (sessions.status === 'error' || clients.status === 'error' || previousSessions.status === 'error') {
    body = (
      <p class="error" role="alert">
        {t('errorData')}
      </p>
    );
  } else if (sessions.status !== 'ready' || clients.status !== 'ready' || previousSessions.status !== 'ready') {
    body = <p aria-busy="true">{t('loading')}</p>;
  } else {
    const view = buildPeriodView(sessions.value, clients.value, range, calendar, usedByClient(previousSessions.value, previous));
    const order = view.buckets.map((b) => b.bucket);
    const contracted = clients.value.filter((c) => !c.archived);
    const bars = view.days.map((d) => ({
      key: String(d.day),
      label: period.kind === 'week' ? formatWeekday(d.day) : String(new Date(d.day).getDate()),
      title: formatDay(d.day),
      segments: order.map((bucket) => ({ key: bucket ?? 'unassigned', label: bucketLabel(view, bucket), color: bucketColor(view, bucket), ms: d.byBucket.get(bucket) ?? 0 })),
      targetMs: contracted.reduce((sum, c) => sum + dailyTargetMs(c, d.day, calendar), 0),
    }));
    const hasTarget = bars.some((b) => b.targetMs > 0);
    const members = new Map<string, number>();
    if (memberOf) for (const r of view.recorders) members.set(memberOf(r.recordedBy), (members.get(memberOf(r.recordedBy)) ?? 0) + r.ms);
    body = (
      <>
        <div class="card chart-card">
          <div class="section-head">
            <h2>{t('timePerDay')}</h2>
            <strong data-testid="period-total">{t('periodTotal', formatDuration(view.total))}</strong>
          </div>
          {view.total === 0 ? (
            <p class="empty" data-testid="period-empty">
              {t('periodEmpty')}
            </p>
          ) : (
            <>
              <StackedBars
                bars={bars}
                label={t('chartLabel', periodTitle(period, range), formatDuration(view.total))}
                // A month's bars are narrow: "4:22" fits above them where "4 h 22" does not.
                valueLabel={period.kind === 'week' ? formatDuration : formatShortDuration}
              />
              <ul class="legend">
                {view.buckets
                  .filter((b) => b.ms > 0)
                  .map((b) => (
                    <li key={b.bucket ?? 'unassigned'}>
                      <span class="swatch" style={{ background: bucketColor(view, b.bucket) }} aria-hidden="true" />
                      {bucketLabel(view, b.bucket)}
                    </li>
                  ))}
                {hasTarget && (
                  <li>
                    <span class="swatch swatch-target" aria-hidden="true" />
                    {t('chartTargetLegend')}
                  </li>
                )}
              </ul>
            </>
          )}
        </div>
        <div class="card">
          <h2>{t('byClient')}</h2>
          {view.buckets.length === 0 ? (
            <p class="muted">{t('periodEmpty')}</p>
          ) : (
            <ul class="cockpit" data-testid="period-clients">
              {view.buckets.map((b) => (
                <li key={b.bucket ?? 'unassigned'} data-testid={`period-client-${b.bucket ?? 'unassigned'}`}>
                  {b.progress ? (
                    <>
                      <ProgressMeter label={bucketLabel(view, b.bucket)} progress={b.progress} />
                      {b.amountCents !== null && b.client?.currency && (
                        <p class="meter-amount small" data-testid={`period-amount-${b.bucket}`}>
                          {/* To the second, as the report prints it: the amount is this time at the rates, to the cent. */}
                          {t('periodAmount', formatMoney(b.amountCents, b.client.currency), formatReportTime(b.billedMs, 'hm', currentLanguage()))}
                        </p>
                      )}
                    </>
                  ) : (
                    <div class="meter-line">
                      <span class="meter-label">{bucketLabel(view, b.bucket)}</span>
                      <span class="meter-detail">{formatDuration(b.ms)}</span>
                    </div>
                  )}
                  {b.client && (
                    <a
                      href={reportPath(b.client.id, range, settings.reportShowAmount)}
                      target="_blank"
                      rel="noopener"
                      class="report-link"
                      aria-label={t('periodReportFor', bucketLabel(view, b.bucket))}
                      data-testid={`period-report-${b.client.id}`}
                    >
                      {t('periodReport')}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div class="two-columns">
          <Totals title={t('byPlatform')} testId="period-platforms" rows={view.platforms.map((p) => ({ key: p.platform, label: platformLabel(p.platform, settings.customSites), ms: p.ms }))} />
          <Totals
            title={t('byActivity')}
            testId="period-activities"
            rows={view.activities.map((a) => ({
              key: a.activity,
              label: activityLabel(a.activity),
              ms: a.ms,
            }))}
          />
        </div>
        {members.size > 0 && (
          <Totals title={t('byMember')} testId="period-members" rows={[...members.entries()].sort((a, b) => b[1] - a[1]).map(([member, ms]) => ({ key: member, label: member, ms }))} />
        )}
      </>
    );
  }

  return (
    <section aria-labelledby="reports-title">
      <div class="section-head">
        <h1 id="reports-title">{t('section_reports')}</h1>
      </div>
      <PeriodPicker period={period} onChange={setPeriod} weekStartsOn={settings.weekStartsOn} />
      {body}
    </section>
  );
}
