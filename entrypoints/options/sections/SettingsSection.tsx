import { useState } from 'preact/hooks';
import { REPORT_TIME_FORMATS, type ReportTimeFormat } from '../../../lib/reports/time-format';
import { AWAY_PROMPT_RANGE, MAX_SENDER_LENGTH, type LanguageChoice, type Settings, type SettingsProblem } from '../../../lib/settings/settings';
import type { Weekday } from '../../../lib/time/calendar';
import { READING_ALLOWANCE_RANGE } from '../../../lib/tracking/settings';
import { Field, described } from '../../../lib/ui/components/Field';
import { t, type MessageKey } from '../../../lib/ui/i18n';
import { saveSettings } from '../../../lib/ui/settings-store';
import { DaysOffFields, type DaysOff } from './DaysOffFields';

const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 0];

export function SettingsSection({ settings }: { settings: Settings }) {
  const [draft, setDraft] = useState({
    readingAllowanceSeconds: String(settings.readingAllowanceSeconds),
    awayPromptMinutes: String(settings.awayPromptMinutes),
    countMedia: settings.countMedia,
    workingDays: settings.workingDays,
    weekStartsOn: settings.weekStartsOn,
    holidayCountry: settings.holidayCountry,
    holidayRegion: settings.holidayRegion,
    leave: settings.leave,
    language: settings.language,
    contractNotifications: settings.contractNotifications,
    reportTimeFormat: settings.reportTimeFormat,
    reportSender: settings.reportSender,
  });
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const set = (change: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...change }));
  const error = (field: SettingsProblem['field']) => {
    const problem = problems.find((p) => p.field === field);
    if (!problem) return null;
    if (field === 'readingAllowanceSeconds') return t('err_allowance_range', String(READING_ALLOWANCE_RANGE.min / 1000), String(READING_ALLOWANCE_RANGE.max / 1000));
    if (field === 'awayPromptMinutes') return t('err_away_range', String(AWAY_PROMPT_RANGE.min), String(AWAY_PROMPT_RANGE.max));
    if (field === 'reportSender') return t('err_sender_text', String(MAX_SENDER_LENGTH));
    return t(`err_setting_${problem.code.replace(/-/g, '_')}` as MessageKey);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const found = await saveSettings({
      ...settings,
      ...draft,
      readingAllowanceSeconds: Number(draft.readingAllowanceSeconds.replace(',', '.')),
      awayPromptMinutes: Number(draft.awayPromptMinutes.replace(',', '.')),
    });
    setProblems(found);
    setMessage(found.length === 0 ? t('settingsSaved') : null);
  };

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('section_settings')}</h1>
      {message && (
        <p role="status" class="notice">
          {message}
        </p>
      )}
      <form class="card form" onSubmit={(e) => void save(e)} noValidate data-testid="settings-form">
        <div class="grid">
          <Field id="set-allowance" label={t('settingAllowance')} error={error('readingAllowanceSeconds')} hint={t('settingAllowanceHint')}>
            <input {...described('set-allowance', error('readingAllowanceSeconds'), t('settingAllowanceHint'))} inputMode="numeric" value={draft.readingAllowanceSeconds} onInput={(e) => set({ readingAllowanceSeconds: e.currentTarget.value })} />
          </Field>
          <Field id="set-away" label={t('settingAway')} error={error('awayPromptMinutes')} hint={t('settingAwayHint')}>
            <input {...described('set-away', error('awayPromptMinutes'), t('settingAwayHint'))} inputMode="numeric" value={draft.awayPromptMinutes} onInput={(e) => set({ awayPromptMinutes: e.currentTarget.value })} />
          </Field>
          <Field id="set-week-start" label={t('settingWeekStart')}>
            <select id="set-week-start" value={String(draft.weekStartsOn)} onChange={(e) => set({ weekStartsOn: Number(e.currentTarget.value) as Weekday })}>
              {WEEKDAYS.map((d) => (
                <option key={d} value={String(d)}>
                  {t(`weekday_${d}` as MessageKey)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="set-language" label={t('settingLanguage')}>
            <select id="set-language" value={draft.language} data-testid="set-language" onChange={(e) => set({ language: e.currentTarget.value as LanguageChoice })}>
              <option value="auto">{t('languageAuto')}</option>
              <option value="en">English</option>
              <option value="fr">Français</option>
            </select>
          </Field>
        </div>
        <fieldset class={error('workingDays') ? 'field-error' : ''}>
          <legend>{t('settingWorkingDays')}</legend>
          <p class="hint">{t('settingWorkingDaysHint')}</p>
          <div class="row wrap">
            {WEEKDAYS.map((d) => (
              <label key={d}>
                <input
                  type="checkbox"
                  checked={draft.workingDays.includes(d)}
                  onChange={(e) => set({ workingDays: e.currentTarget.checked ? [...draft.workingDays, d].sort() : draft.workingDays.filter((w) => w !== d) })}
                />{' '}
                {t(`weekday_${d}` as MessageKey)}
              </label>
            ))}
          </div>
          {error('workingDays') && (
            <p class="error" role="alert">
              {error('workingDays')}
            </p>
          )}
        </fieldset>
        <DaysOffFields value={draft} error={(field: keyof DaysOff) => error(field)} onChange={set} />
        <fieldset>
          <legend>{t('settingReports')}</legend>
          <div class="grid">
            <Field id="set-report-time" label={t('settingReportTimeFormat')}>
              <select id="set-report-time" value={draft.reportTimeFormat} data-testid="set-report-time" onChange={(e) => set({ reportTimeFormat: e.currentTarget.value as ReportTimeFormat })}>
                {REPORT_TIME_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {t(f === 'hm' ? 'reportTimeFormat_hm' : 'reportTimeFormat_decimal')}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Field id="set-report-sender" label={t('settingReportSender')} error={error('reportSender')} hint={t('settingReportSenderHint')}>
            <textarea
              {...described('set-report-sender', error('reportSender'), t('settingReportSenderHint'))}
              rows={5}
              maxLength={MAX_SENDER_LENGTH}
              value={draft.reportSender}
              data-testid="set-report-sender"
              onInput={(e) => set({ reportSender: e.currentTarget.value })}
            />
          </Field>
        </fieldset>
        <label class="check">
          <input type="checkbox" checked={draft.countMedia} onChange={(e) => set({ countMedia: e.currentTarget.checked })} /> {t('settingMedia')}
        </label>
        <label class="check">
          <input type="checkbox" checked={draft.contractNotifications} onChange={(e) => set({ contractNotifications: e.currentTarget.checked })} /> {t('settingNotifications')}
        </label>
        <div class="actions">
          <button type="submit" class="primary" data-testid="settings-save">
            {t('save')}
          </button>
        </div>
      </form>
    </section>
  );
}
