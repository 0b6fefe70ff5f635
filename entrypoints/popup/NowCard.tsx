import { platformName } from '../../lib/platforms/catalogue';
import type { TrackingStatus } from '../../lib/tracking/status';
import { formatDuration } from '../../lib/ui/format';
import { t, type MessageKey } from '../../lib/ui/i18n';
import type { StatusState } from '../../lib/ui/use-tracking-status';
import { useLiveQuery } from '../../lib/ui/use-live-query';
import { SocialHoursDatabase } from '../../lib/db/database';

const db = new SocialHoursDatabase();

const REASONS: Record<Exclude<TrackingStatus['kind'], 'tracking'>, MessageKey> = {
  paused: 'statusPaused',
  idle: 'statusIdle',
  locked: 'statusLocked',
  waiting: 'statusWaiting',
  'not-focused': 'statusNotFocused',
  'not-tracked': 'statusNotTracked',
};

function ClientName({ clientId }: { clientId: string | null }) {
  const client = useLiveQuery(async () => (clientId ? ((await db.clients.get(clientId)) ?? null) : null), [clientId]);
  const name = client.status === 'ready' && client.value ? client.value.name : t('unassigned');
  return <span data-testid="now-client">{t('forClient', name)}</span>;
}

export function NowCard({ state, onPause }: { state: StatusState; onPause: (paused: boolean) => Promise<void> }) {
  if (state.status === 'loading') return <section class="now card" aria-busy="true" />;
  if (state.status === 'error') {
    return (
      <section class="now card">
        <p class="error" role="alert">{t('errorBackground')}</p>
      </section>
    );
  }
  const { status, paused } = state.value;
  return (
    <section class="now card" aria-labelledby="now-title">
      <div class="now-row">
        <h2 id="now-title">{t('now')}</h2>
        <button
          type="button"
          class={paused ? 'primary' : ''}
          aria-pressed={paused}
          data-testid="pause-toggle"
          onClick={() => void onPause(!paused)}
        >
          {paused ? t('resume') : t('pause')}
        </button>
      </div>
      {status.kind === 'tracking' ? (
        <div class="now-tracking" data-testid="now-tracking">
          <p>
            <span class="dot" aria-hidden="true" />
            <strong data-testid="now-platform">{platformName(status.session.platform)}</strong>
            {' · '}
            <span data-testid="now-account">{status.session.account ?? t('noAccount')}</span>
          </p>
          <p class="muted">
            {t(`activity_${status.session.activity}` as MessageKey)} · <ClientName clientId={status.session.clientId} />
          </p>
          <p class="muted" data-testid="now-duration">
            {formatDuration(status.session.end - status.session.start)}
          </p>
        </div>
      ) : (
        <p class="muted" role="status" data-testid="now-reason" data-reason={status.kind}>
          {t(REASONS[status.kind])}
        </p>
      )}
    </section>
  );
}
