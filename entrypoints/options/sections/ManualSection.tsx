import { useState } from 'preact/hooks';
import { MANUAL_KINDS, MANUAL_PLATFORM } from '../../../lib/db/records';
import { sessionsOverlapping } from '../../../lib/db/session-queries';
import { manualEntrySpan, type ManualEntryForm, type ManualEntryProblem } from '../../../lib/sessions/manual-entry';
import { DAY } from '../../../lib/time/clock';
import { dayRange, isoDate } from '../../../lib/time/calendar';
import { request } from '../../../lib/ui/background-client';
import { ClientSelect } from '../../../lib/ui/components/ClientSelect';
import { Field, described } from '../../../lib/ui/components/Field';
import { formatClock, formatDay, formatDuration } from '../../../lib/ui/format';
import { t, type MessageKey } from '../../../lib/ui/i18n';
import { sessionErrorText } from '../../../lib/ui/session-error';
import { activityLabel, clientLabel } from '../../../lib/ui/labels';
import { useLiveQuery } from '../../../lib/ui/use-live-query';
import { db } from '../../../lib/ui/page-db';

function emptyForm(): ManualEntryForm {
  const now = new Date();
  const start = new Date(now.getTime() - 60 * 60_000);
  return {
    clientId: '',
    kind: 'call',
    date: isoDate(start.getTime()),
    start: `${String(start.getHours()).padStart(2, '0')}:${String(start.getMinutes()).padStart(2, '0')}`,
    duration: '1:00',
    note: '',
  };
}

/** Time away from the browser: calls, meetings, strategy. It replaces any automatic time it overlaps. */
export function ManualSection() {
  const [form, setForm] = useState<ManualEntryForm>(emptyForm);
  const [problems, setProblems] = useState<ManualEntryProblem[]>([]);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const clients = useLiveQuery(() => db.clients.toArray(), []);
  const to = dayRange(Date.now()).to;
  const recent = useLiveQuery(async () => (await sessionsOverlapping(db, to - 30 * DAY, to)).filter((s) => s.platform === MANUAL_PLATFORM).reverse(), [to]);
  const set = (change: Partial<ManualEntryForm>) => setForm((f) => ({ ...f, ...change }));
  const error = (...codes: ManualEntryProblem[]) => {
    const problem = problems.find((p) => codes.includes(p));
    return problem ? t(`err_${problem.replace(/-/g, '_')}` as MessageKey) : null;
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const result = await request({ type: 'add-manual', form });
    if (result.ok) {
      setProblems([]);
      setMessage({ text: t('manualAdded'), failed: false });
      setForm({ ...emptyForm(), clientId: form.clientId });
    } else {
      setProblems((result.problems ?? []) as ManualEntryProblem[]);
      // Problems are shown by their fields; a refusal of the whole entry (an invoiced period) here.
      setMessage(result.problems ? null : { text: sessionErrorText(result.error), failed: true });
    }
  };

  if (clients.status !== 'ready') return clients.status === 'error' ? <p class="error" role="alert">{t('errorData')}</p> : <p aria-busy="true">{t('loading')}</p>;
  const span = manualEntrySpan(form);
  return (
    <section aria-labelledby="manual-title">
      <h1 id="manual-title">{t('section_manual')}</h1>
      <p class="muted">{t('manualHint')}</p>
      {message &&
        (message.failed ? (
          <p role="alert" class="error" data-testid="manual-message">
            {message.text}
          </p>
        ) : (
          <p role="status" class="notice" data-testid="manual-message">
            {message.text}
          </p>
        ))}
      <form class="card form" onSubmit={(e) => void save(e)} noValidate data-testid="manual-form" aria-label={t('manualNew')}>
        <div class="grid">
          <Field id="manual-client" label={t('client')} error={error('client-missing')}>
            <ClientSelect id="manual-client" clients={clients.value} value={form.clientId} onChange={(clientId) => set({ clientId })} personal placeholder={t('chooseClient')} />
          </Field>
          <Field id="manual-kind" label={t('kind')} error={error('kind-invalid')}>
            <select id="manual-kind" value={form.kind} onChange={(e) => set({ kind: e.currentTarget.value })}>
              {MANUAL_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind_${k}` as MessageKey)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="manual-date" label={t('date')} error={error('date-invalid')}>
            <input {...described('manual-date', error('date-invalid'))} type="date" value={form.date} onInput={(e) => set({ date: e.currentTarget.value })} />
          </Field>
          <Field id="manual-start" label={t('startTime')} error={error('start-invalid', 'in-future')}>
            <input {...described('manual-start', error('start-invalid', 'in-future'))} type="time" value={form.start} onInput={(e) => set({ start: e.currentTarget.value })} />
          </Field>
          <Field id="manual-duration" label={t('duration')} error={error('duration-invalid', 'duration-ambiguous', 'duration-too-long')} hint={t('durationHint')}>
            <input {...described('manual-duration', error('duration-invalid', 'duration-ambiguous', 'duration-too-long'), t('durationHint'))} value={form.duration} onInput={(e) => set({ duration: e.currentTarget.value })} />
          </Field>
          <Field id="manual-note" label={t('note')} error={error('note-too-long')}>
            <input {...described('manual-note', error('note-too-long'))} value={form.note} maxLength={500} onInput={(e) => set({ note: e.currentTarget.value })} />
          </Field>
        </div>
        {/* What will be saved, read back as it is typed: "2" is two minutes, not two hours. */}
        <p class="muted small" aria-live="polite" data-testid="manual-span">
          {span ? t('manualSpan', formatDuration(span.end - span.start), formatClock(span.start), formatClock(span.end)) : ''}
        </p>
        <div class="actions">
          <button type="submit" class="primary" data-testid="manual-save">
            {t('manualAdd')}
          </button>
        </div>
      </form>
      <h2>{t('manualRecent')}</h2>
      {recent.status !== 'ready' ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : recent.value.length === 0 ? (
        <p class="muted">{t('manualEmpty')}</p>
      ) : (
        <ul class="list" data-testid="manual-list">
          {recent.value.map((s) => (
            <li key={s.id} class="client-row">
              <div class="grow">
                <strong>
                  {clientLabel(clients.value, s.clientId)} · {activityLabel(s.activity)}
                </strong>
                <p class="muted small">
                  {formatDay(s.start)} {formatClock(s.start)}–{formatClock(s.end)} · {formatDuration(s.end - s.start)}
                  {s.note ? ` · ${s.note}` : ''}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
