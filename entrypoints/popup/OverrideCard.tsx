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

/** "Working for client X now": everything tracked goes to X until turned off or for a while. */
export function OverrideCard({ override, clients, now, onChange }: { override: ClientOverride | null; clients: ClientRecord[]; now: number; onChange: () => Promise<void> }) {
  const [clientId, setClientId] = useState('');
  const [duration, setDuration] = useState<DurationChoice>('off');
  if (clients.filter((c) => !c.archived).length === 0) return null;

  if (override) {
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
  return (
    <section class="card override" aria-labelledby="override-title" data-testid="override-card">
      <h2 id="override-title">{t('overrideTitle')}</h2>
      <div class="row">
        <ClientSelect testId="override-client" label={t('client')} clients={clients} value={clientId} onChange={setClientId} placeholder={t('chooseClient')} />
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
          onClick={async () => {
            await request({ type: 'set-override', clientId, until: untilFor(duration, Date.now()) });
            await onChange();
          }}
        >
          {t('overrideStart')}
        </button>
      </div>
    </section>
  );
}
