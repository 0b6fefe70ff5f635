import { useState } from 'preact/hooks';
import { holidayRegions } from '../../../lib/contracts/holidays';
import { HOLIDAY_COUNTRIES, type HolidayCountry } from '../../../lib/settings/holiday-countries';
import { addLeave, type LeaveProblem } from '../../../lib/settings/leave';
import type { LeaveRange } from '../../../lib/settings/settings';
import { parseIsoDate } from '../../../lib/time/calendar';
import { Field, described } from '../../../lib/ui/components/Field';
import { formatCountry, formatDay } from '../../../lib/ui/format';
import { currentLanguage, t, type MessageKey } from '../../../lib/ui/i18n';

export interface DaysOff {
  holidayCountry: HolidayCountry;
  holidayRegion: string;
  leave: LeaveRange[];
}

function rangeLabel(range: LeaveRange): string {
  const from = formatDay(parseIsoDate(range.from)!);
  return range.from === range.to ? from : t('leaveRange', from, formatDay(parseIsoDate(range.to)!));
}

/** Public holidays (country, region) and leave: the days no contracted time is due. Saved with the settings form. */
export function DaysOffFields({ value, error, onChange }: { value: DaysOff; error: (field: keyof DaysOff) => string | null; onChange: (change: Partial<DaysOff>) => void }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [problem, setProblem] = useState<LeaveProblem | null>(null);
  const countries = [...HOLIDAY_COUNTRIES].map((code) => ({ code, name: formatCountry(code) })).sort((a, b) => a.name.localeCompare(b.name, currentLanguage()));
  const regions = value.holidayCountry === 'none' ? [] : holidayRegions(value.holidayCountry, currentLanguage());
  const leaveError = problem ? t(`err_${problem.replace(/-/g, '_')}` as MessageKey) : error('leave');

  const add = () => {
    const result = addLeave(value.leave, from, to);
    if (!result.ok) {
      setProblem(result.code);
      return;
    }
    setProblem(null);
    setFrom('');
    setTo('');
    onChange({ leave: result.leave });
  };

  return (
    <fieldset data-testid="days-off">
      <legend>{t('settingDaysOff')}</legend>
      <p class="hint">{t('settingDaysOffHint')}</p>
      <div class="grid">
        <Field id="set-holiday-country" label={t('settingHolidayCountry')} error={error('holidayCountry')}>
          <select
            {...described('set-holiday-country', error('holidayCountry'))}
            value={value.holidayCountry}
            onChange={(e) => onChange({ holidayCountry: e.currentTarget.value as HolidayCountry, holidayRegion: '' })}
          >
            <option value="none">{t('holidayCountryNone')}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        {regions.length > 0 && (
          <Field id="set-holiday-region" label={t('settingHolidayRegion')} error={error('holidayRegion')}>
            <select {...described('set-holiday-region', error('holidayRegion'))} value={value.holidayRegion} onChange={(e) => onChange({ holidayRegion: e.currentTarget.value })}>
              <option value="">{t('holidayRegionWhole')}</option>
              {regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      {/* A label inside the fieldset, not a heading: the settings have no sub-sections to outline. */}
      <p class="leave-title" id="leave-title">
        <strong>{t('settingLeave')}</strong>
      </p>
      {value.leave.length === 0 ? (
        <p class="muted small">{t('leaveNone')}</p>
      ) : (
        <ul class="leave-list" data-testid="leave-list" aria-labelledby="leave-title">
          {value.leave.map((range) => (
            <li key={`${range.from}:${range.to}`} class="row">
              <span>{rangeLabel(range)}</span>
              <button type="button" aria-label={t('leaveRemove', rangeLabel(range))} onClick={() => onChange({ leave: value.leave.filter((r) => r !== range) })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="row wrap">
        <Field id="set-leave-from" label={t('leaveFrom')} error={leaveError}>
          <input {...described('set-leave-from', leaveError)} type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </Field>
        <Field id="set-leave-to" label={t('leaveTo')}>
          <input id="set-leave-to" type="date" value={to} min={from || undefined} onInput={(e) => setTo(e.currentTarget.value)} />
        </Field>
        <button type="button" data-testid="leave-add" onClick={add}>
          {t('leaveAdd')}
        </button>
      </div>
      <p class="hint">{t('leaveSaveHint')}</p>
    </fieldset>
  );
}
