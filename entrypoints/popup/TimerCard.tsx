import { useState } from 'preact/hooks';
import { MANUAL_KINDS, type ClientRecord, type ManualKind } from '../../lib/db/records';
import type { RunningTimer } from '../../lib/sessions/timer';
import { request } from '../../lib/ui/background-client';
import { ClientSelect } from '../../lib/ui/components/ClientSelect';
import { formatClock, formatDuration } from '../../lib/ui/format';
import { t, type MessageKey } from '../../lib/ui/i18n';

function useTimerCommand(onChange: () => Promise<void>) {
  const [error, setError] = useState<string | null>(null);
  const run = async (message: Parameters<typeof request>[0]) => {
    const result = await request(message);
    setError(result.ok ? null : t('actionFailed'));
    await onChange();
  };
  const note = error && (
    <p class="error" role="alert">
      {error}
    </p>
  );
  return { run, note };
}

/** The running timer, pinned at the top of the popup with its Stop: work away from the browser, automatic tracking paused meanwhile. */
export function TimerCard({ timer, now, clients, onChange }: { timer: RunningTimer; now: number; clients: ClientRecord[]; onChange: () => Promise<void> }) {
  const { run, note } = useTimerCommand(onChange);
  const client = clients.find((c) => c.id === timer.clientId);
  return (
    <section class="card timer running pinned" aria-labelledby="timer-title" data-testid="timer-card">
      <div class="now-row">
        <h2 id="timer-title">{t('timerRunning')}</h2>
        <button type="button" class="primary" data-testid="timer-stop" onClick={() => void run({ type: 'stop-timer' })}>
          {t('timerStop')}
        </button>
      </div>
      <p class="now-client">
        <span class="swatch" style={{ background: client?.color ?? 'transparent' }} aria-hidden="true" />
        <strong data-testid="timer-client-name">{client?.name ?? ''}</strong>
      </p>
      <p class="small muted">
        <span data-testid="timer-elapsed">{formatDuration(now - timer.startedAt)}</span> · {t(`kind_${timer.kind}` as MessageKey)} · {t('timerSince', formatClock(timer.startedAt))}
      </p>
      {note}
    </section>
  );
}

/** Starts the timer for a call or a meeting. */
export function TimerForm({ clients, onChange }: { clients: ClientRecord[]; onChange: () => Promise<void> }) {
  const { run, note } = useTimerCommand(onChange);
  const [clientId, setClientId] = useState('');
  const [kind, setKind] = useState<ManualKind>('call');
  return (
    <div class="timer">
      <div class="form-grid">
        <ClientSelect testId="timer-client" label={t('client')} clients={clients} value={clientId} onChange={setClientId} placeholder={t('chooseClient')} />
        <select aria-label={t('kind')} data-testid="timer-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as ManualKind)}>
          {MANUAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind_${k}` as MessageKey)}
            </option>
          ))}
        </select>
        <button
          type="button"
          data-testid="timer-start"
          disabled={!clientId}
          aria-describedby={clientId ? undefined : 'timer-why'}
          onClick={() => void run({ type: 'start-timer', clientId, kind })}
        >
          {t('timerStart')}
        </button>
      </div>
      {!clientId && (
        <p id="timer-why" class="muted small">
          {t('chooseClientFirst')}
        </p>
      )}
      {note}
    </div>
  );
}
