import type { CalendarSettings } from '../../lib/contracts/targets';
import type { DayTotalsRecord } from '../../lib/db/day-totals';
import type { ClientRecord, SessionRecord } from '../../lib/db/records';
import { buildCockpit } from '../../lib/reports/cockpit';
import { withLiveSession } from '../../lib/reports/range-summary';
import type { TrackedSession } from '../../lib/tracking/session';
import { ProgressMeter } from '../../lib/ui/components/ProgressMeter';
import { formatMoney } from '../../lib/ui/format';
import { t } from '../../lib/ui/i18n';

type Countable = Pick<SessionRecord, 'id' | 'start' | 'end' | 'clientId'>;

/** Each active client's day, week and month against its contract. */
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
  const cockpit = buildCockpit(pastDays, withLiveSession<Countable>(todaySessions, live), clients, calendar, now);
  if (cockpit.length === 0) return null;
  return (
    <section class="card" aria-labelledby="cockpit-title">
      <h2 id="cockpit-title">{t('byClient')}</h2>
      <ul class="cockpit" data-testid="cockpit">
        {cockpit.map(({ client, day, week, month }) => (
          <li key={client.id} data-testid={`cockpit-${client.id}`} data-state={day.progress.state}>
            <p class="cockpit-name">
              <span class="swatch" style={{ background: client.color }} aria-hidden="true" />
              <strong>{client.name}</strong>
              {day.valueCents !== null && client.currency && (
                <span class="muted small" data-testid="cockpit-value">
                  {' · '}
                  {t('valueToday', formatMoney(day.valueCents, client.currency))}
                </span>
              )}
            </p>
            <ProgressMeter label={t('periodDay')} progress={day.progress} testId="meter-day" />
            <ProgressMeter label={t('periodWeek')} progress={week.progress} testId="meter-week" />
            <ProgressMeter label={t('periodMonth')} progress={month.progress} testId="meter-month" />
          </li>
        ))}
      </ul>
    </section>
  );
}
