import { useState } from 'preact/hooks';
import type { ClientRecord, EditRecord, SessionRecord } from '../../../lib/db/records';
import { sessionsOverlapping } from '../../../lib/db/session-queries';
import { platformName } from '../../../lib/platforms/catalogue';
import { splitByDay } from '../../../lib/reports/day-split';
import { atLocalTime } from '../../../lib/sessions/manual-entry';
import type { SessionUpdate } from '../../../lib/sessions/session-edit';
import type { Settings } from '../../../lib/settings/settings';
import { dayRange } from '../../../lib/time/calendar';
import { request } from '../../../lib/ui/background-client';
import { ClientSelect } from '../../../lib/ui/components/ClientSelect';
import { ConfirmDialog } from '../../../lib/ui/components/ConfirmDialog';
import { PeriodPicker, periodRange, type Period } from '../../../lib/ui/components/PeriodPicker';
import { formatClock, formatDay, formatDuration } from '../../../lib/ui/format';
import { t, type MessageKey } from '../../../lib/ui/i18n';
import { activityLabel } from '../../../lib/ui/labels';
import { useLiveQuery } from '../../../lib/ui/use-live-query';
import { db } from '../../../lib/ui/page-db';

const hhmm = (at: number) => {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

function clientLabel(clients: ClientRecord[], id: string | null): string {
  if (id === null) return t('unassigned');
  if (id === 'personal') return t('personalTime');
  return clients.find((c) => c.id === id)?.name ?? t('unassigned');
}

function describeEdit(edit: EditRecord, clients: ClientRecord[]): string {
  const before = edit.before.map((s) => `${formatClock(s.start)}–${formatClock(s.end)} ${clientLabel(clients, s.clientId)}${s.note ? ` “${s.note}”` : ''}`).join(', ');
  return t('editLine', t(`edit_${edit.action.replace(/-/g, '_')}` as MessageKey), formatDay(edit.at), formatClock(edit.at), before || '—');
}

function History({ sessionId, clients }: { sessionId: string; clients: ClientRecord[] }) {
  const edits = useLiveQuery(() => db.edits.where('sessionIds').equals(sessionId).sortBy('at'), [sessionId]);
  if (edits.status !== 'ready') return null;
  if (edits.value.length === 0) return <p class="muted small">{t('historyEmpty')}</p>;
  return (
    <ul class="history" data-testid="session-history">
      {edits.value.map((e) => (
        <li key={e.id}>{describeEdit(e, clients)}</li>
      ))}
    </ul>
  );
}

/** One session, editable in place: client, start and end, note; split, merge with the next, delete, history. */
function SessionRow({
  session,
  next,
  clients,
  settings,
  onMessage,
}: {
  session: SessionRecord;
  next: SessionRecord | null;
  clients: ClientRecord[];
  settings: Settings;
  onMessage: (text: string, ok: boolean) => void;
}) {
  const [clientId, setClientId] = useState(session.clientId ?? '');
  const [start, setStart] = useState(hhmm(session.start));
  const [end, setEnd] = useState(hhmm(session.end));
  const [note, setNote] = useState(session.note ?? '');
  const [splitAt, setSplitAt] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const change: SessionUpdate = {};
  if (clientId !== (session.clientId ?? '')) change.clientId = clientId || null;
  if (start !== hhmm(session.start)) change.start = atLocalTime(dayRange(session.start).from, start) ?? undefined;
  if (end !== hhmm(session.end)) change.end = atLocalTime(dayRange(session.end - 1).from, end) ?? undefined;
  if (note !== (session.note ?? '')) change.note = note;
  const dirty = Object.keys(change).length > 0;
  const mergeable =
    next !== null && next.clientId === session.clientId && next.platform === session.platform && next.account === session.account && next.activity === session.activity && next.source === session.source;
  const result = (response: { ok: boolean; error?: string }, done: MessageKey) =>
    onMessage(response.ok ? t(done) : t(`err_edit_${(response.error ?? 'failed').replace(/-/g, '_')}` as MessageKey), response.ok);
  const id = session.id.slice(0, 8);

  return (
    <li class="timesheet-row" data-testid="timesheet-row" data-session={session.id}>
      <p class="row-title">
        <strong>{session.source === 'manual' ? t('manualWork') : platformName(session.platform, settings.customSites)}</strong>
        {session.account ? ` · ${session.account}` : ''} · {activityLabel(session.activity)} · <span class="num">{formatDuration(session.end - session.start)}</span>
      </p>
      <div class="row wrap">
        <label class="visually-hidden" for={`start-${id}`}>
          {t('startTime')}
        </label>
        <input id={`start-${id}`} type="time" value={start} onInput={(e) => setStart(e.currentTarget.value)} data-testid="row-start" />
        <span aria-hidden="true">–</span>
        <label class="visually-hidden" for={`end-${id}`}>
          {t('endTime')}
        </label>
        <input id={`end-${id}`} type="time" value={end} onInput={(e) => setEnd(e.currentTarget.value)} data-testid="row-end" />
        <ClientSelect label={t('client')} clients={clients} value={clientId} onChange={setClientId} personal unassigned testId="row-client" />
        <input aria-label={t('note')} placeholder={t('note')} value={note} maxLength={500} onInput={(e) => setNote(e.currentTarget.value)} data-testid="row-note" />
        <button type="button" class="primary" disabled={!dirty} data-testid="row-save" onClick={async () => result(await request({ type: 'update-session', id: session.id, change }), 'sessionSaved')}>
          {t('save')}
        </button>
      </div>
      <div class="row wrap small">
        <form
          class="row"
          onSubmit={async (e) => {
            e.preventDefault();
            const at = atLocalTime(dayRange(session.start).from, splitAt);
            result(at === null ? { ok: false, error: 'split-outside' } : await request({ type: 'split-session', id: session.id, at }), 'splitDone');
          }}
        >
          <label for={`split-${id}`}>{t('splitAt')}</label>
          <input id={`split-${id}`} type="time" value={splitAt} required onInput={(e) => setSplitAt(e.currentTarget.value)} />
          <button type="submit">{t('split')}</button>
        </form>
        {mergeable && (
          <button type="button" data-testid="row-merge" onClick={async () => result(await request({ type: 'merge-sessions', ids: [session.id, next.id] }), 'mergeDone')}>
            {t('mergeWithNext', formatDuration(Math.max(0, next.start - session.end)))}
          </button>
        )}
        <button type="button" aria-expanded={showHistory} onClick={() => setShowHistory(!showHistory)}>
          {t('history')}
        </button>
        <button type="button" class="danger" data-testid="row-delete" onClick={() => setConfirmDelete(true)}>
          {t('delete')}
        </button>
      </div>
      {showHistory && <History sessionId={session.id} clients={clients} />}
      {confirmDelete && (
        <ConfirmDialog
          title={t('deleteSessionTitle')}
          confirmLabel={t('delete')}
          danger
          onCancel={() => setConfirmDelete(false)}
          onConfirm={async () => {
            setConfirmDelete(false);
            result(await request({ type: 'delete-sessions', ids: [session.id] }), 'sessionDeleted');
          }}
        >
          <p>{t('deleteSessionText', formatDay(session.start), formatClock(session.start), formatClock(session.end), formatDuration(session.end - session.start))}</p>
        </ConfirmDialog>
      )}
    </li>
  );
}

/** Every session of the week or month, by day, editable; every edit is kept in the history. */
export function TimesheetSection({ settings }: { settings: Settings }) {
  const [period, setPeriod] = useState<Period>({ kind: 'week', anchor: Date.now() });
  const [filter, setFilter] = useState('all');
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const range = periodRange(period, settings.weekStartsOn);
  const sessions = useLiveQuery(() => sessionsOverlapping(db, range.from, range.to), [range.from, range.to]);
  const clients = useLiveQuery(() => db.clients.toArray(), []);
  const recentEdits = useLiveQuery(() => db.edits.orderBy('at').reverse().limit(20).toArray(), []);

  let body;
  if (sessions.status === 'error' || clients.status === 'error') {
    body = (
      <p class="error" role="alert">
        {t('errorData')}
      </p>
    );
  } else if (sessions.status !== 'ready' || clients.status !== 'ready') {
    body = <p aria-busy="true">{t('loading')}</p>;
  } else {
    const shown = sessions.value
      .filter((s) => filter === 'all' || (filter === 'unassigned' ? s.clientId === null : s.clientId === filter))
      .sort((a, b) => a.start - b.start);
    const byDay = new Map<number, SessionRecord[]>();
    for (const s of shown) {
      const day = splitByDay(s, range)[0]?.day ?? dayRange(s.start).from;
      byDay.set(day, [...(byDay.get(day) ?? []), s]);
    }
    body =
      shown.length === 0 ? (
        <div class="empty card">
          <p>{t('timesheetEmpty')}</p>
        </div>
      ) : (
        [...byDay.entries()].map(([day, list]) => (
          <div class="card" key={day}>
            <h2>
              {formatDay(day)} · {formatDuration(list.reduce((sum, s) => sum + s.end - s.start, 0))}
            </h2>
            <ul class="timesheet">
              {list.map((s, i) => (
                <SessionRow key={`${s.id}:${s.updatedAt}`} session={s} next={list[i + 1] ?? null} clients={clients.value} settings={settings} onMessage={(text, ok) => setMessage({ text, ok })} />
              ))}
            </ul>
          </div>
        ))
      );
  }

  return (
    <section aria-labelledby="timesheet-title">
      <h1 id="timesheet-title">{t('section_timesheet')}</h1>
      <div class="row wrap">
        <PeriodPicker period={period} onChange={setPeriod} weekStartsOn={settings.weekStartsOn} />
        {clients.status === 'ready' && (
          <label class="row small">
            {t('client')}
            <select value={filter} onChange={(e) => setFilter(e.currentTarget.value)} data-testid="timesheet-filter">
              <option value="all">{t('allClients')}</option>
              <option value="unassigned">{t('unassigned')}</option>
              {clients.value.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'notice' : 'error'} data-testid="timesheet-message">
          {message.text}
        </p>
      )}
      {body}
      {recentEdits.status === 'ready' && recentEdits.value.length > 0 && clients.status === 'ready' && (
        <details class="card">
          <summary>{t('recentEdits')}</summary>
          <ul class="history">
            {recentEdits.value.map((e) => (
              <li key={e.id}>{describeEdit(e, clients.value)}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
