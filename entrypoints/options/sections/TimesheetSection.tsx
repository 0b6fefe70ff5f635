import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClientRecord, EditRecord, SessionRecord } from '../../../lib/db/records';
import { sessionsOverlapping } from '../../../lib/db/session-queries';
import type { CommandResponse } from '../../../lib/messaging/protocol';
import { platformName } from '../../../lib/platforms/catalogue';
import { atLocalTime } from '../../../lib/sessions/manual-entry';
import type { SessionUpdate } from '../../../lib/sessions/session-edit';
import { clientTotals, countedMs, rangeOf, selectionState, timesheetDays, visibleSelection, withSelected, type ClientSubtotal } from '../../../lib/sessions/timesheet';
import type { Settings } from '../../../lib/settings/settings';
import { dayRange } from '../../../lib/time/calendar';
import type { TimeRange } from '../../../lib/time/local-day';
import { request } from '../../../lib/ui/background-client';
import { ClientSelect } from '../../../lib/ui/components/ClientSelect';
import { ConfirmDialog } from '../../../lib/ui/components/ConfirmDialog';
import { PeriodPicker, periodRange, type Period } from '../../../lib/ui/components/PeriodPicker';
import { formatClock, formatDay, formatDuration } from '../../../lib/ui/format';
import { undoEdit } from '../../../lib/ui/undo-edit';
import { sessionErrorText } from '../../../lib/ui/session-error';
import { t, type MessageKey } from '../../../lib/ui/i18n';
import { activityLabel, clientLabel } from '../../../lib/ui/labels';
import { useLiveQuery } from '../../../lib/ui/use-live-query';
import { db } from '../../../lib/ui/page-db';

const hhmm = (at: number) => {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/** Where the time went: the platform and account, or for manual time its kind (a call, a meeting), never a raw id. */
function sourceLabel(session: SessionRecord, settings: Settings): string {
  if (session.source === 'manual') return `${t('manualWork')} · ${activityLabel(session.activity)}`;
  return `${platformName(session.platform, settings.customSites)}${session.account ? ` · ${session.account}` : ''}`;
}

const timeRange = (s: SessionRecord) => `${formatClock(s.start)}–${formatClock(s.end)}`;

function errorText(response: CommandResponse): string {
  return response.ok ? '' : sessionErrorText(response.error);
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

function Subtotals({ list, clients, label }: { list: ClientSubtotal[]; clients: ClientRecord[]; label: string }) {
  return (
    <ul class="subtotals small" aria-label={label}>
      {list.map((c) => (
        <li key={c.clientId ?? ''}>
          {clientLabel(clients, c.clientId)} <span class="num">{formatDuration(c.ms)}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * One session's edit form: client, start and end, note; split, merge with the next, delete,
 * history. Escape, or Cancel, closes it unsaved.
 */
function SessionEditor({
  session,
  next,
  clients,
  onClose,
  onResult,
  onDelete,
}: {
  session: SessionRecord;
  next: SessionRecord | null;
  clients: ClientRecord[];
  onClose: () => void;
  onResult: (response: CommandResponse, done: MessageKey) => void;
  onDelete: () => void;
}) {
  const [clientId, setClientId] = useState(session.clientId ?? '');
  const [start, setStart] = useState(hhmm(session.start));
  const [end, setEnd] = useState(hhmm(session.end));
  const [note, setNote] = useState(session.note ?? '');
  const [splitAt, setSplitAt] = useState('');
  const [showHistory, setShowHistory] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const change: SessionUpdate = {};
  if (clientId !== (session.clientId ?? '')) change.clientId = clientId || null;
  if (start !== hhmm(session.start)) change.start = atLocalTime(dayRange(session.start).from, start) ?? undefined;
  if (end !== hhmm(session.end)) change.end = atLocalTime(dayRange(session.end - 1).from, end) ?? undefined;
  if (note !== (session.note ?? '')) change.note = note;
  const dirty = Object.keys(change).length > 0;
  const mergeable =
    next !== null && next.clientId === session.clientId && next.platform === session.platform && next.account === session.account && next.activity === session.activity && next.source === session.source;
  const id = session.id.slice(0, 8);

  return (
    <div
      class="session-editor"
      id={`editor-${session.id}`}
      role="group"
      aria-label={t('tsEditTitle', timeRange(session))}
      data-testid="session-editor"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <p class="muted small">{t('tsEditHint')}</p>
      <div class="row wrap">
        <label class="visually-hidden" for={`start-${id}`}>
          {t('startTime')}
        </label>
        <input ref={first} id={`start-${id}`} type="time" value={start} onInput={(e) => setStart(e.currentTarget.value)} data-testid="row-start" />
        <span aria-hidden="true">–</span>
        <label class="visually-hidden" for={`end-${id}`}>
          {t('endTime')}
        </label>
        <input id={`end-${id}`} type="time" value={end} onInput={(e) => setEnd(e.currentTarget.value)} data-testid="row-end" />
        <ClientSelect label={t('client')} clients={clients} value={clientId} onChange={setClientId} personal unassigned testId="row-client" />
        <input aria-label={t('note')} placeholder={t('note')} value={note} maxLength={500} onInput={(e) => setNote(e.currentTarget.value)} data-testid="row-note" />
        <button type="button" class="primary" disabled={!dirty} data-testid="row-save" onClick={async () => onResult(await request({ type: 'update-session', id: session.id, change }), 'sessionSaved')}>
          {t('save')}
        </button>
        <button type="button" data-testid="row-cancel" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
      <div class="row wrap small">
        <form
          class="row"
          onSubmit={async (e) => {
            e.preventDefault();
            const at = atLocalTime(dayRange(session.start).from, splitAt);
            onResult(at === null ? { ok: false, error: 'split-outside' } : await request({ type: 'split-session', id: session.id, at }), 'splitDone');
          }}
        >
          <label for={`split-${id}`}>{t('splitAt')}</label>
          <input id={`split-${id}`} type="time" value={splitAt} required onInput={(e) => setSplitAt(e.currentTarget.value)} />
          <button type="submit">{t('split')}</button>
        </form>
        {mergeable && (
          <button type="button" data-testid="row-merge" onClick={async () => onResult(await request({ type: 'merge-sessions', ids: [session.id, next.id] }), 'mergeDone')}>
            {t('mergeWithNext', formatDuration(Math.max(0, next.start - session.end)))}
          </button>
        )}
        <button type="button" aria-expanded={showHistory} onClick={() => setShowHistory(!showHistory)}>
          {t('history')}
        </button>
        <button type="button" class="danger" data-testid="row-delete" onClick={onDelete}>
          {t('delete')}
        </button>
      </div>
      {showHistory && <History sessionId={session.id} clients={clients} />}
    </div>
  );
}

/** A question before a change of many sessions (or of one, for a deletion): one confirmation for the lot. */
type Ask = { kind: 'assign'; ids: string[]; clientId: string } | { kind: 'delete'; ids: string[] };

interface Notice {
  text: string;
  ok: boolean;
  /** The edit record that the notice's Undo puts back. */
  undo?: string;
  /** Takes the focus: the lines (and the buttons) that led to it may be gone. */
  focus?: boolean;
}

/**
 * Every session of the week or month, by day, one line each, with the day's total and its
 * subtotals per client. A line opens its session's edit form; checked lines are assigned or
 * deleted together, with one confirmation and an undo. Every change is kept in the history.
 */
export function TimesheetSection({ settings }: { settings: Settings }) {
  const [period, setPeriod] = useState<Period>({ kind: 'week', anchor: Date.now() });
  const [filter, setFilter] = useState('all');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [bulkClient, setBulkClient] = useState('');
  const [ask, setAsk] = useState<Ask | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const range: TimeRange = periodRange(period, settings.weekStartsOn);
  const sessions = useLiveQuery(() => sessionsOverlapping(db, range.from, range.to), [range.from, range.to]);
  const clients = useLiveQuery(() => db.clients.toArray(), []);
  const recentEdits = useLiveQuery(() => db.edits.orderBy('at').reverse().limit(20).toArray(), []);

  useEffect(() => {
    if (!notice?.focus) return;
    if (notice.undo) undoRef.current?.focus();
    else noticeRef.current?.focus();
  }, [notice]);

  const focusLine = (id: string) => document.querySelector<HTMLElement>(`[data-open="${CSS.escape(id)}"]`)?.focus();
  const closeEditor = () => {
    if (openId) focusLine(openId);
    setOpenId(null);
  };

  /** After a change of many sessions: a notice with its Undo. */
  const after = (response: CommandResponse, done: string) => {
    if (response.ok) setSelected(new Set());
    setNotice(response.ok ? { text: done, ok: true, focus: true, ...(response.editId ? { undo: response.editId } : {}) } : { text: errorText(response), ok: false, focus: true });
  };

  const undo = async (editId: string) => {
    const response = await undoEdit(editId);
    setNotice(response.ok ? { text: t('undone'), ok: true, focus: true } : { text: errorText(response), ok: false, focus: true });
  };

  let body;
  let list: SessionRecord[] = [];
  if (sessions.status === 'error' || clients.status === 'error') {
    body = (
      <p class="error" role="alert">
        {t('errorData')}
      </p>
    );
  } else if (sessions.status !== 'ready' || clients.status !== 'ready') {
    body = <p aria-busy="true">{t('loading')}</p>;
  } else {
    list = sessions.value.filter((s) => filter === 'all' || (filter === 'unassigned' ? s.clientId === null : s.clientId === filter));
    const days = timesheetDays(list, range);
    const order = days.flatMap((d) => d.sessions.map((s) => s.id));
    const chosen = visibleSelection(selected, order);
    const byId = new Map(list.map((s) => [s.id, s]));
    const chosenMs = [...chosen].reduce((sum, id) => sum + countedMs(byId.get(id)!, range), 0);
    const clientList = clients.value;
    body =
      list.length === 0 ? (
        <div class="empty card">
          <p>{t('timesheetEmpty')}</p>
        </div>
      ) : (
        <>
          <Subtotals list={clientTotals(days)} clients={clientList} label={t('tsPeriodByClient')} />
          <div class="bulk-bar card row wrap" role="group" aria-label={t('tsSelection')} data-testid="bulk-bar">
            <span class="num" data-testid="bulk-count">
              {t('tsSelectedCount', String(chosen.size), formatDuration(chosenMs))}
            </span>
            <ClientSelect label={t('tsAssignTo')} clients={clientList} value={bulkClient} onChange={setBulkClient} personal placeholder={t('chooseClient')} testId="bulk-client" />
            <button type="button" class="primary" disabled={chosen.size === 0 || !bulkClient} data-testid="bulk-assign" onClick={() => setAsk({ kind: 'assign', ids: [...chosen], clientId: bulkClient })}>
              {t('tsAssignSelected')}
            </button>
            <button type="button" class="danger" disabled={chosen.size === 0} data-testid="bulk-delete" onClick={() => setAsk({ kind: 'delete', ids: [...chosen] })}>
              {t('tsDeleteSelected')}
            </button>
            <button type="button" disabled={chosen.size === 0} data-testid="bulk-clear" onClick={() => setSelected(new Set())}>
              {t('tsClearSelection')}
            </button>
          </div>
          {days.map((d) => {
            const ids = d.sessions.map((s) => s.id);
            const state = selectionState(chosen, ids);
            return (
              <div class="card timesheet-day" key={d.day} data-testid="timesheet-day">
                <div class="day-head">
                  <input
                    type="checkbox"
                    aria-label={t('tsSelectDay', formatDay(d.day))}
                    checked={state === 'all'}
                    indeterminate={state === 'some'}
                    data-testid="select-day"
                    onChange={(e) => setSelected(withSelected(chosen, ids, e.currentTarget.checked))}
                  />
                  <h2>{formatDay(d.day)}</h2>
                  <span class="num day-total">{formatDuration(d.ms)}</span>
                </div>
                <Subtotals list={d.clients} clients={clientList} label={t('tsDayByClient', formatDay(d.day))} />
                <ul class="timesheet">
                  {d.sessions.map((s, i) => {
                    const open = openId === s.id;
                    const what = sourceLabel(s, settings);
                    return (
                      <li key={s.id} class={`timesheet-line${open ? ' open' : ''}`} data-testid="timesheet-row" data-session={s.id}>
                        <div class="line">
                          <input
                            type="checkbox"
                            aria-label={t('tsSelectSession', timeRange(s), what)}
                            checked={chosen.has(s.id)}
                            data-testid="select-session"
                            onClick={(e) => {
                              // Shift-click: everything from the last box clicked to this one, as in a file list.
                              const on = e.currentTarget.checked;
                              setSelected(withSelected(chosen, e.shiftKey ? rangeOf(order, anchor, s.id) : [s.id], on));
                              setAnchor(s.id);
                            }}
                          />
                          <button
                            type="button"
                            class="line-open"
                            aria-expanded={open}
                            aria-controls={open ? `editor-${s.id}` : undefined}
                            data-open={s.id}
                            data-testid="row-open"
                            onClick={() => (open ? closeEditor() : setOpenId(s.id))}
                          >
                            <span class="line-time">{timeRange(s)}</span>
                            <span class="num line-duration">{formatDuration(countedMs(s, range))}</span>
                            <span class="line-client">{clientLabel(clientList, s.clientId)}</span>
                            <span class="line-source">{what}</span>
                            <span class="line-note muted">{s.note ?? ''}</span>
                          </button>
                        </div>
                        {open && (
                          <SessionEditor
                            key={s.updatedAt}
                            session={s}
                            next={d.sessions[i + 1] ?? null}
                            clients={clientList}
                            onClose={closeEditor}
                            onResult={(response, done) => {
                              if (response.ok) closeEditor();
                              setNotice(response.ok ? { text: t(done), ok: true } : { text: errorText(response), ok: false });
                            }}
                            onDelete={() => setAsk({ kind: 'delete', ids: [s.id] })}
                          />
                        )}
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
        </>
      );
  }

  const asked = ask ? list.filter((s) => ask.ids.includes(s.id)) : [];
  const askedMs = asked.reduce((sum, s) => sum + countedMs(s, range), 0);
  const confirm = async () => {
    if (!ask) return;
    setAsk(null);
    if (ask.kind === 'assign') {
      const response = await request({ type: 'assign-sessions', ids: ask.ids, clientId: ask.clientId });
      after(response, t('assignedSessions', String(response.ok ? (response.count ?? 0) : 0)));
    } else {
      const response = await request({ type: 'delete-sessions', ids: ask.ids });
      if (response.ok && openId !== null && ask.ids.includes(openId)) setOpenId(null);
      after(response, ask.ids.length === 1 ? t('sessionDeleted') : t('deletedSessions', String(response.ok ? (response.count ?? 0) : 0)));
    }
  };

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
      {notice && (
        <div ref={noticeRef} tabIndex={-1} class={`row ${notice.ok ? 'notice' : 'error'}`} data-testid="timesheet-message">
          <p role={notice.ok ? 'status' : 'alert'} class="grow">
            {notice.text}
          </p>
          {notice.undo && (
            <button type="button" ref={undoRef} data-testid="timesheet-undo" onClick={() => void undo(notice.undo!)}>
              {t('undo')}
            </button>
          )}
        </div>
      )}
      {body}
      {ask && clients.status === 'ready' && (
        <ConfirmDialog
          title={ask.kind === 'assign' ? t('tsAssignTitle', String(asked.length)) : asked.length === 1 ? t('deleteSessionTitle') : t('tsDeleteTitle', String(asked.length))}
          confirmLabel={ask.kind === 'assign' ? t('assign') : t('delete')}
          danger={ask.kind === 'delete'}
          onCancel={() => setAsk(null)}
          onConfirm={() => void confirm()}
        >
          <p>
            {ask.kind === 'assign'
              ? t('tsAssignText', String(asked.length), formatDuration(askedMs), clientLabel(clients.value, ask.clientId))
              : asked.length === 1
                ? t('deleteSessionText', formatDay(asked[0]!.start), formatClock(asked[0]!.start), formatClock(asked[0]!.end), formatDuration(askedMs))
                : t('tsDeleteText', String(asked.length), formatDuration(askedMs))}
          </p>
        </ConfirmDialog>
      )}
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
