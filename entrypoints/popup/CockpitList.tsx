import { browser } from 'wxt/browser';
import type { CalendarSettings } from '../../lib/contracts/targets';
import type { DayTotalsRecord } from '../../lib/db/day-totals';
import type { ClientRecord, SessionRecord } from '../../lib/db/records';
import { buildCockpit, focusCockpit, focusStatus, reportPath, type ClientFocus, type FocusStatus } from '../../lib/reports/cockpit';
import { withLiveSession } from '../../lib/reports/range-summary';
import type { TrackedSession } from '../../lib/tracking/session';
import { MeterBar, STATUS_GLYPHS } from '../../lib/ui/components/ProgressMeter';
import { formatDuration, formatMoney, formatRemaining } from '../../lib/ui/format';
import { t } from '../../lib/ui/i18n';

type Countable = Pick<SessionRecord, 'id' | 'start' | 'end' | 'clientId'>;

function statusText(status: FocusStatus): string {
  switch (status.kind) {
    case 'over':
      return t('focusOver', formatDuration(status.ms));
    case 'near':
      return t('focusNear', formatRemaining(status.ms));
    case 'behind':
      return t('focusBehind', formatDuration(status.ms));
    case 'ahead':
      return t('focusAhead', formatDuration(status.ms));
    case 'today':
      return t('focusToday', formatDuration(status.ms));
    case 'on-pace':
      return t('focusOnPace');
    case 'day-off':
      return t('focusDayOff', formatDuration(status.ms));
    case 'none':
      return t('focusNoContract');
  }
}

function ClientRow({ focus }: { focus: ClientFocus }) {
  const { client, period, figures, paceMs, weekMs } = focus;
  const { progress } = figures;
  const status = statusText(focusStatus(focus));
  const periodWords = t(`focusPeriod_${period ?? 'month'}`);
  const amounts =
    progress.targetMs === null
      ? t('focusUsedOnly', formatDuration(weekMs), formatDuration(progress.usedMs))
      : t('focusFigures', formatDuration(progress.usedMs), formatDuration(progress.targetMs), periodWords);
  // What the bar and its mark show, in words, with what the row has no room for.
  const extras = [
    progress.carriedMs > 0 ? t('inclCarried', formatDuration(progress.carriedMs)) : null,
    paceMs !== null ? t('focusPaceDue', formatDuration(paceMs)) : null,
    figures.valueCents !== null && client.currency ? formatMoney(figures.valueCents, client.currency) : null,
  ].filter((x) => x !== null);
  const path = reportPath(client.id, figures.range);
  return (
    <li class={`focus meter-${progress.state}`} data-testid={`cockpit-${client.id}`} data-state={progress.state} data-period={period ?? 'none'}>
      <p class="focus-line">
        <span class="swatch" style={{ background: client.color }} aria-hidden="true" />
        <a
          class="focus-name"
          href={path}
          data-testid="cockpit-report"
          aria-label={t('focusReport', client.name, periodWords)}
          onClick={(event) => {
            // A popup cannot navigate to a page of its own: the report opens in a tab.
            event.preventDefault();
            void browser.tabs.create({ url: browser.runtime.getURL(`/${path}`) });
          }}
        >
          {client.name}
        </a>
        <span class="focus-status" data-testid="cockpit-status">
          {STATUS_GLYPHS[progress.state] && (
            <span class="status-glyph" aria-hidden="true">
              {STATUS_GLYPHS[progress.state]}{' '}
            </span>
          )}
          {status}
        </span>
      </p>
      <p class="focus-line small">
        {progress.targetMs !== null && (
          <span
            class="focus-meter"
            role="meter"
            aria-label={periodWords}
            aria-valuemin={0}
            aria-valuemax={Math.round(progress.targetMs / 60_000)}
            aria-valuenow={Math.round(progress.usedMs / 60_000)}
            aria-valuetext={[amounts, status, ...extras].join(' · ')}
          >
            <MeterBar progress={progress} pace={paceMs !== null && progress.targetMs > 0 ? paceMs / progress.targetMs : null} />
          </span>
        )}
        <span class="focus-amounts muted" data-testid="cockpit-amounts" title={extras.join(' · ') || undefined}>
          {amounts}
        </span>
      </p>
    </li>
  );
}

/** Each active client once: its contract's own period against the contract and its pace, what needs attention first. */
export function CockpitList({
  pastDays,
  todaySessions,
  live,
  clients,
  calendar,
  now,
}: {
  pastDays: DayTotalsRecord[];
  todaySessions: SessionRecord[];
  live: TrackedSession | null;
  clients: ClientRecord[];
  calendar: CalendarSettings;
  now: number;
}) {
  const cockpit = focusCockpit(buildCockpit(pastDays, withLiveSession<Countable>(todaySessions, live), clients, calendar, now), calendar, now);
  if (cockpit.length === 0) return null;
  return (
    <section class="card" aria-labelledby="cockpit-title">
      <h2 id="cockpit-title">{t('byClient')}</h2>
      <ul class="cockpit focus-list" data-testid="cockpit">
        {cockpit.map((focus) => (
          <ClientRow key={focus.client.id} focus={focus} />
        ))}
      </ul>
    </section>
  );
}
