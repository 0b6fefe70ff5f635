import { addMonths, addWeeks } from 'date-fns';
import { monthRange, weekRange, type Weekday } from '../../time/calendar';
import type { TimeRange } from '../../time/local-day';
import { formatDay, formatMonth } from '../format';
import { t } from '../i18n';

export type PeriodKind = 'week' | 'month';

export interface Period {
  kind: PeriodKind;
  /** Any moment inside the period. */
  anchor: number;
}

export function periodRange(period: Period, weekStartsOn: Weekday): TimeRange {
  return period.kind === 'week' ? weekRange(period.anchor, weekStartsOn) : monthRange(period.anchor);
}

/** The week or month just before: its unused contract time can be carried over. */
export function previousPeriodRange(period: Period, weekStartsOn: Weekday): TimeRange {
  return periodRange({ ...period, anchor: periodRange(period, weekStartsOn).from - 1 }, weekStartsOn);
}

export function periodTitle(period: Period, range: TimeRange): string {
  if (period.kind === 'month') return formatMonth(period.anchor);
  return t('weekOf', formatDay(range.from), formatDay(range.to - 1));
}

/** Week or month, and the way back and forth between them. */
export function PeriodPicker({ period, onChange, weekStartsOn }: { period: Period; onChange: (p: Period) => void; weekStartsOn: Weekday }) {
  const move = (direction: 1 | -1) =>
    onChange({ ...period, anchor: (period.kind === 'week' ? addWeeks(period.anchor, direction) : addMonths(period.anchor, direction)).getTime() });
  const range = periodRange(period, weekStartsOn);
  return (
    <div class="period-picker">
      <div class="segmented" role="group" aria-label={t('periodKind')}>
        {(['week', 'month'] as const).map((kind) => (
          <button key={kind} type="button" aria-pressed={period.kind === kind} data-testid={`period-${kind}`} onClick={() => onChange({ ...period, kind })}>
            {t(kind === 'week' ? 'viewWeek' : 'viewMonth')}
          </button>
        ))}
      </div>
      <button type="button" aria-label={t(period.kind === 'week' ? 'previousWeek' : 'previousMonth')} data-testid="period-previous" onClick={() => move(-1)}>
        ‹
      </button>
      <strong class="period-title" data-testid="period-title">
        {periodTitle(period, range)}
      </strong>
      <button type="button" aria-label={t(period.kind === 'week' ? 'nextWeek' : 'nextMonth')} data-testid="period-next" onClick={() => move(1)}>
        ›
      </button>
      <button type="button" onClick={() => onChange({ ...period, anchor: Date.now() })}>
        {t('thisPeriod')}
      </button>
    </div>
  );
}
