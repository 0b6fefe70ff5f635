import { useState } from 'preact/hooks';
import { MANUAL_KINDS, type ClientRecord, type ManualKind } from '../../lib/db/records';
import type { RunningTimer } from '../../lib/sessions/timer';
import { request } from '../../lib/ui/background-client';
import { ClientSelect } from '../../lib/ui/components/ClientSelect';
import { formatClock, formatDuration } from '../../lib/ui/format';
import { t, type MessageKey } from '../../lib/ui/i18n';

/** Times work away from the browser (a call, a meeting); automatic tracking pauses meanwhile. */
export function TimerCard({ timer, now, clients, onChange }: { timer: RunningTimer | null; now: number; clients: ClientRecord[]; onChange: () => Promise<void> }) {
  const [clientId, setClientId] = useState('');
  const [kind, setKind] = useState<ManualKind>('call');
  const [error, setError] = useState<string | null>(null);
  const run = async (message: Parameters<typeof request>[0]) => {
    const result = await request(message);
    setError(result.ok ? null : t('actionFailed'));
    await onChange();
  };

  if (timer) {
    const client = clients.find((c) => c.id === timer.clientId);
    return (
      <section class="card timer running" aria-labelledby="timer-title" data-testid="timer-card">
        <div class="now-row">
          <h2 id="timer-title">{t('timerTitle')}</h2>
          <button type="button" class="primary" data-testid="timer-stop" onClick={() => void run({ type: 'stop-timer' })}>
            {t('timerStop')}
          </button>
        </div>
        <p>
          <strong data-testid="timer-elapsed">{formatDuration(now - timer.startedAt)}</strong> · {t(`kind_${timer.kind}` as MessageKey)} ·{' '}
          {client?.name ?? ''}
        </p>
        <p class="muted small">{t('timerSince', formatClock(timer.startedAt))}</p>
      </section>
    );
  }
  return (
    <section class="card timer" aria-labelledby="timer-title" data-testid="timer-card">
      <h2 id="timer-title">{t('timerTitle')}</h2>
      <div class="row">
        <ClientSelect testId="timer-client" label={t('client')} clients={clients} value={clientId} onChange={setClientId} placeholder={t('chooseClient')} />
        <select aria-label={t('kind')} data-testid="timer-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as ManualKind)}>
          {MANUAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind_${k}` as MessageKey)}
            </option>
          ))}
        </select>
        <button type="button" data-testid="timer-start" disabled={!clientId} onClick={() => void run({ type: 'start-timer', clientId, kind })}>
          {t('timerStart')}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
