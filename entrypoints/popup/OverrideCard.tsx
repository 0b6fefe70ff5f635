import { useState } from 'preact/hooks';
import type { ClientOverride } from '../../lib/attribution/attribute';
import type { ClientRecord } from '../../lib/db/records';
import { request } from '../../lib/ui/background-client';
import { ClientSelect } from '../../lib/ui/components/ClientSelect';
import { formatClock } from '../../lib/ui/format';
import { t } from '../../lib/ui/i18n';
import { dayRange } from '../../lib/time/calendar';

const DURATIONS = ['off', '30', '60', '120', 'day'] as const;
type DurationChoice = (typeof DURATIONS)[number];

function untilFor(choice: DurationChoice, now: number): number | null {
  if (choice === 'off') return null;
  if (choice === 'day') return dayRange(now).to;
  return now + Number(choice) * 60_000;
}

/** "Working for client X now": the choice of client and duration, in the popup's tools and behind "Not this client?". */
export function OverrideForm({ clients, onChange }: { clients: ClientRecord[]; onChange: () => Promise<void> }) {
  const [clientId, setClientId] = useState('');
  const [duration, setDuration] = useState<DurationChoice>('off');
  if (clients.filter((c) => !c.archived).length === 0) return null;
  return (
    <div class="form-grid override" data-testid="override-form">
      <ClientSelect testId="override-client" label={t('overrideTitle')} clients={clients} value={clientId} onChange={setClientId} placeholder={t('chooseClient')} />
      <select aria-label={t('overrideFor')} data-testid="override-duration" value={duration} onChange={(e) => setDuration(e.currentTarget.value as DurationChoice)}>
        {DURATIONS.map((d) => (
          <option key={d} value={d}>
            {t(`overrideDuration_${d}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        data-testid="override-start"
        disabled={!clientId}
        aria-describedby={clientId ? undefined : 'override-why'}
        onClick={async () => {
          await request({ type: 'set-override', clientId, until: untilFor(duration, Date.now()) });
          await onChange();
        }}
      >
        {t('overrideStart')}
      </button>
      {!clientId && (
        <p id="override-why" class="muted small">
          {t('chooseClientFirst')}
        </p>
      )}
    </div>
  );
}

/** The override in force, with its Stop: everything tracked goes to this client until then. */
export function OverrideCard({ override, clients, onChange }: { override: ClientOverride; clients: ClientRecord[]; onChange: () => Promise<void> }) {
  const name = clients.find((c) => c.id === override.clientId)?.name ?? '';
  return (
    <section class="card override active" aria-label={t('overrideTitle')} data-testid="override-card">
      <div class="now-row">
        <p data-testid="override-text">{override.until === null ? t('overrideActive', name) : t('overrideActiveUntil', name, formatClock(override.until))}</p>
        <button
          type="button"
          data-testid="override-stop"
          onClick={async () => {
            await request({ type: 'clear-override' });
            await onChange();
          }}
        >
          {t('overrideStop')}
        </button>
      </div>
    </section>
  );
}
