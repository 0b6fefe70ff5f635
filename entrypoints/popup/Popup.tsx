import { browser } from 'wxt/browser';
import { calendarFromSettings } from '../../lib/contracts/calendar';
import { sessionsOverlapping } from '../../lib/db/session-queries';
import { cockpitRange } from '../../lib/reports/cockpit';
import { buildTodayView } from '../../lib/reports/today';
import { dayRange } from '../../lib/time/calendar';
import { usePastDayTotals } from '../../lib/ui/use-past-day-totals';
import type { Settings } from '../../lib/settings/settings';
import { formatDay, formatDuration } from '../../lib/ui/format';
import { t } from '../../lib/ui/i18n';
import { platformLabel } from '../../lib/ui/labels';
import { db } from '../../lib/ui/page-db';
import { useLiveQuery } from '../../lib/ui/use-live-query';
import { useTrackingStatus } from '../../lib/ui/use-tracking-status';
import { AwayBanner } from './AwayBanner';
import { CockpitList } from './CockpitList';
import { useState } from 'preact/hooks';
import { AssignOutcomeNote, NowCard, type AssignOutcome } from './NowCard';
import { OverrideCard, OverrideForm } from './OverrideCard';
import { TimerCard, TimerForm } from './TimerCard';
import { TotalsList } from './TotalsList';
import { SyncLine } from './SyncLine';


export function Popup({ settings }: { settings: Settings }) {
  const { state: status, refresh } = useTrackingStatus();
  const [assigned, setAssigned] = useState<AssignOutcome | null>(null);
  const now = status.status === 'ready' ? status.value.now : Date.now();
  const calendar = calendarFromSettings(settings);
  const range = cockpitRange(now, calendar);
  const day = dayRange(now);
  // Today's sessions; the week's and month's earlier days come as per-day totals that the
  // background keeps, so that opening the popup costs the same after a year as on day one.
  const sessions = useLiveQuery(() => sessionsOverlapping(db, day.from, day.to), [day.from]);
  const pastDays = usePastDayTotals(range);
  const clients = useLiveQuery(() => db.clients.toArray(), []);
  const rules = useLiveQuery(() => db.rules.toArray(), []);

  const live = status.status === 'ready' && status.value.status.kind === 'tracking' ? status.value.status.session : null;
  const ready = sessions.status === 'ready' && clients.status === 'ready' && rules.status === 'ready' && pastDays !== null;
  const today = ready ? buildTodayView(sessions.value, live, clients.value, now) : null;
  const failed = sessions.status === 'error' || clients.status === 'error' || rules.status === 'error';

  return (
    <main class="popup">
      <header class="popup-header">
        <div class="popup-title">
          <h1>{t('today')}</h1>
          <span class="muted small">{formatDay(now, true)}</span>
        </div>
        <p class="total" aria-label={t('totalToday')} data-testid="total-today" data-ms={today?.total}>
          {today ? formatDuration(today.total) : '—'}
        </p>
      </header>

      {failed && (
        <p class="error" role="alert">
          {t('errorData')}
        </p>
      )}
      {status.status === 'error' && (
        <p class="error" role="alert">
          {t('errorBackground')}
        </p>
      )}
      {status.status === 'ready' && ready && (
        <>
          {/* Pinned first: what runs now, with the button that stops it. The timer pauses
              automatic tracking, so while it runs it is all there is to say about now. */}
          {status.value.timer ? (
            <TimerCard timer={status.value.timer} now={now} clients={clients.value} onChange={refresh} />
          ) : (
            <NowCard
              response={status.value}
              clients={clients.value}
              rules={rules.value}
              settings={settings}
              onChange={refresh}
              onAssigned={async (outcome) => {
                setAssigned(outcome);
                await refresh();
              }}
            />
          )}
          {status.value.override && <OverrideCard override={status.value.override} clients={clients.value} onChange={refresh} />}
          {assigned && <AssignOutcomeNote outcome={assigned} onChange={setAssigned} />}
          {status.value.away && <AwayBanner away={status.value.away} clients={clients.value} onDone={refresh} />}
        </>
      )}

      {!ready && !failed ? (
        <p class="muted" aria-busy="true">
          {t('loading')}
        </p>
      ) : ready && today ? (
        <>
          <CockpitList pastDays={pastDays ?? []} todaySessions={sessions.value} live={live} clients={clients.value} calendar={calendar} now={now} />
          {today.total === 0 && (
            <p class="empty" data-testid="empty-today">
              {clients.value.length === 0 ? t('emptyFirstDay') : t('emptyToday')}
            </p>
          )}
          {today.total > 0 && today.clients.some((c) => c.clientId === null) && (
            <p class="muted small" data-testid="unassigned-today">
              {t('unassignedToday', formatDuration(today.clients.find((c) => c.clientId === null)?.ms ?? 0))}
            </p>
          )}
          {/* Forms used now and then: folded, so that the clients stay in view. */}
          <div class="tools">
            {today.total > 0 && (
              <TotalsList
                title={t('byPlatform')}
                testId="by-platform"
                rows={today.platforms.map((row) => ({ key: row.platform, label: platformLabel(row.platform, settings.customSites), color: null, muted: false, ms: row.ms }))}
                total={today.total}
              />
            )}
            {status.status === 'ready' && clients.value.some((c) => !c.archived) && (
              <>
              {!status.value.timer && (
                <details class="tool" data-testid="timer-tool">
                  <summary>{t('timerTitle')}</summary>
                  <TimerForm clients={clients.value} onChange={refresh} />
                </details>
              )}
              {!status.value.override && (
                <details class="tool" data-testid="override-tool">
                  <summary>{t('overrideTitle')}</summary>
                  <OverrideForm clients={clients.value} onChange={refresh} />
                </details>
              )}
              </>
            )}
          </div>
        </>
      ) : null}

      <footer class="popup-footer">
        <SyncLine now={now} />
        <button type="button" data-testid="open-dashboard" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openDashboard')}
        </button>
      </footer>
    </main>
  );
}
