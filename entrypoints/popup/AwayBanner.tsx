import { useState } from 'preact/hooks';
import { MANUAL_KINDS, type ClientRecord, type ManualKind } from '../../lib/db/records';
import type { AwayPeriod } from '../../lib/messaging/protocol';
import { request } from '../../lib/ui/background-client';
import { ClientSelect } from '../../lib/ui/components/ClientSelect';
import { formatClock, formatDuration } from '../../lib/ui/format';
import { t, type MessageKey } from '../../lib/ui/i18n';

/** "You were away from 10:05 to 10:32: log it for a client?" after a long idle spell. */
export function AwayBanner({ away, clients, onDone }: { away: AwayPeriod; clients: ClientRecord[]; onDone: () => Promise<void> }) {
  const [clientId, setClientId] = useState('');
  const [kind, setKind] = useState<ManualKind>('call');
  const [error, setError] = useState<string | null>(null);
  return (
    <section class="card away" aria-labelledby="away-title" data-testid="away-banner">
      <h2 id="away-title">{t('awayTitle')}</h2>
      <p>{t('awayText', formatClock(away.from), formatClock(away.to), formatDuration(away.to - away.from))}</p>
      <div class="row">
        <ClientSelect testId="away-client" label={t('client')} clients={clients} value={clientId} onChange={setClientId} placeholder={t('chooseClient')} />
        <select aria-label={t('kind')} data-testid="away-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as ManualKind)}>
          {MANUAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind_${k}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button
          type="button"
          data-testid="away-dismiss"
          onClick={async () => {
            await request({ type: 'dismiss-away' });
            await onDone();
          }}
        >
          {t('awayDismiss')}
        </button>
        <button
          type="button"
          class="primary"
          data-testid="away-log"
          disabled={!clientId}
          aria-describedby={clientId ? undefined : 'away-why'}
          onClick={async () => {
            const result = await request({ type: 'log-away', clientId, kind });
            if (!result.ok) setError(t('actionFailed'));
            await onDone();
          }}
        >
          {t('awayLog')}
        </button>
      </div>
      {!clientId && (
        <p id="away-why" class="muted small">
          {t('chooseClientFirst')}
        </p>
      )}
    </section>
  );
}
