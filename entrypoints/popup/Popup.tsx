import { useMemo } from 'preact/hooks';
import { SocialHoursDatabase } from '../../lib/db/database';
import { sessionsOverlapping } from '../../lib/db/session-queries';
import { buildTodayView } from '../../lib/reports/today';
import { localDayRange } from '../../lib/time/local-day';
import { formatDuration } from '../../lib/ui/format';
import { t, uiLanguage } from '../../lib/ui/i18n';
import { useLiveQuery } from '../../lib/ui/use-live-query';
import { useTrackingStatus } from '../../lib/ui/use-tracking-status';
import { NowCard } from './NowCard';
import { TotalsList } from './TotalsList';

const db = new SocialHoursDatabase();

export function Popup() {
  const { state: status, setPaused } = useTrackingStatus();
  const now = status.status === 'ready' ? status.value.now : Date.now();
  const day = localDayRange(now);
  const sessions = useLiveQuery(() => sessionsOverlapping(db, day.from, day.to), [day.from]);
  const clients = useLiveQuery(() => db.clients.toArray(), []);

  const live = status.status === 'ready' && status.value.status.kind === 'tracking' ? status.value.status.session : null;
  const view = useMemo(
    () =>
      sessions.status === 'ready' && clients.status === 'ready'
        ? buildTodayView(sessions.value, live, clients.value, now)
        : null,
    [sessions, clients, live, now],
  );
  const dateLabel = new Intl.DateTimeFormat(uiLanguage(), { weekday: 'long', day: 'numeric', month: 'long' }).format(now);

  return (
    <main class="popup">
      <header class="popup-header">
        <div>
          <h1>{t('today')}</h1>
          <p class="muted">{dateLabel}</p>
        </div>
        <p class="total" aria-label={t('totalToday')} data-testid="total-today" data-ms={view?.total}>
          {view ? formatDuration(view.total) : '—'}
        </p>
      </header>

      <NowCard state={status} onPause={setPaused} />

      {sessions.status === 'error' || clients.status === 'error' ? (
        <p class="error" role="alert">{t('errorData')}</p>
      ) : !view ? (
        <p class="muted" aria-busy="true">{t('loading')}</p>
      ) : view.total === 0 ? (
        <p class="empty" data-testid="empty-today">{t('emptyToday')}</p>
      ) : (
        <>
          <TotalsList
            title={t('byClient')}
            testId="by-client"
            rows={view.clients.map((row) => ({
              key: row.clientId ?? 'unassigned',
              label: row.name ?? t('unassigned'),
              color: row.color,
              muted: row.clientId === null,
              ms: row.ms,
            }))}
            total={view.total}
          />
          <TotalsList
            title={t('byPlatform')}
            testId="by-platform"
            rows={view.platforms.map((row) => ({ key: row.platform, label: row.name, color: null, muted: false, ms: row.ms }))}
            total={view.total}
          />
        </>
      )}
    </main>
  );
}
