import { useEffect, useRef, useState } from 'preact/hooks';
import { parseRuleForm } from '../../../lib/attribution/rule-form';
import { PERSONAL_CLIENT_ID, type ClientRecord, type SessionRecord } from '../../../lib/db/records';
import { sessionsOverlapping } from '../../../lib/db/session-queries';
import { atLocalTime } from '../../../lib/sessions/manual-entry';
import { platformName } from '../../../lib/platforms/catalogue';
import type { Settings } from '../../../lib/settings/settings';
import { DAY } from '../../../lib/time/clock';
import { dayRange } from '../../../lib/time/calendar';
import { request } from '../../../lib/ui/background-client';
import { ClientSelect } from '../../../lib/ui/components/ClientSelect';
import { formatClock, formatDay, formatDuration } from '../../../lib/ui/format';
import { undoEdit } from '../../../lib/ui/undo-edit';
import { t } from '../../../lib/ui/i18n';
import { activityLabel } from '../../../lib/ui/labels';
import { useLiveQuery } from '../../../lib/ui/use-live-query';
import { config, db } from '../../../lib/ui/page-db';

const SPANS = [7, 30, 90] as const;

interface Group {
  key: string;
  platform: string;
  account: string | null;
  sessions: SessionRecord[];
  ms: number;
}

function groupSessions(sessions: SessionRecord[]): Group[] {
  const groups = new Map<string, Group>();
  for (const s of sessions) {
    const key = `${s.platform}\u0000${s.account ?? ''}`;
    const group = groups.get(key) ?? { key, platform: s.platform, account: s.account, sessions: [], ms: 0 };
    group.sessions.push(s);
    group.ms += s.end - s.start;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.ms - a.ms);
}

function SplitControl({ session, onDone }: { session: SessionRecord; onDone: (message: string) => void }) {
  const [time, setTime] = useState('');
  const id = `split-${session.id}`;
  return (
    <form
      class="row"
      onSubmit={async (e) => {
        e.preventDefault();
        const at = atLocalTime(dayRange(session.start).from, time);
        const result = at === null ? { ok: false } : await request({ type: 'split-session', id: session.id, at });
        onDone(result.ok ? t('splitDone') : t('err_split_outside', formatClock(session.start), formatClock(session.end)));
      }}
    >
      <label for={id} class="small">
        {t('splitAt')}
      </label>
      <input id={id} type="time" value={time} required onInput={(e) => setTime(e.currentTarget.value)} />
      <button type="submit">{t('split')}</button>
    </form>
  );
}

/** What the section says after a change: with the edit an Undo puts back, when there is one. */
interface Notice {
  text: string;
  undo?: string;
}

function GroupRow({ group, clients, settings, onMessage }: { group: Group; clients: ClientRecord[]; settings: Settings; onMessage: (m: Notice) => void }) {
  const [clientId, setClientId] = useState('');
  const assign = async (ids: string[], target: string) => {
    const result = await request({ type: 'assign-sessions', ids, clientId: target });
    onMessage(result.ok ? { text: t('assignedSessions', String(result.count ?? 0)), ...(result.editId ? { undo: result.editId } : {}) } : { text: t('actionFailed') });
  };
  const label = `${platformName(group.platform, settings.customSites)} · ${group.account ?? t('noAccount')}`;
  const account = group.account;
  /**
   * Assigns the group and adds the account's rule, so that next week's time on it goes to
   * the client by itself. A rule already there for the account (for another client, or one
   * made after this time was tracked) gives way to the new one.
   */
  const assignAndRemember = async (target: string) => {
    if (account === null) return;
    const rules = await db.rules.toArray();
    const existing = rules.find((r) => r.platform === group.platform && r.account === account && r.urlPattern === null);
    const parsed = parseRuleForm({ clientId: target, kind: 'account', platform: group.platform, account, urlPattern: '' }, rules.filter((r) => r !== existing), crypto.randomUUID(), Date.now());
    if (!parsed.ok) {
      onMessage({ text: t('actionFailed') });
      return;
    }
    await config.putRule(parsed.rule, existing?.id);
    const result = await request({ type: 'assign-sessions', ids: group.sessions.map((s) => s.id), clientId: target });
    const name = target === PERSONAL_CLIENT_ID ? t('personalTime') : (clients.find((c) => c.id === target)?.name ?? '');
    onMessage({ text: result.ok ? t('assignRememberDone', String(result.count ?? 0), label, name) : t('actionFailed') });
  };
  return (
    <li class="card group" data-testid={`unassigned-${group.platform}-${group.account ?? ''}`}>
      <div class="group-head">
        <div class="grow">
          <strong>{label}</strong>
          <p class="muted small">{t('groupSummary', String(group.sessions.length), formatDuration(group.ms))}</p>
        </div>
        <ClientSelect label={t('assignGroupTo', label)} clients={clients} value={clientId} onChange={setClientId} personal placeholder={t('chooseClient')} testId="group-client" />
        <button type="button" class="primary" disabled={!clientId} data-testid="group-assign" onClick={() => void assign(group.sessions.map((s) => s.id), clientId)}>
          {t('assignAll')}
        </button>
        {account !== null && (
          <button type="button" disabled={!clientId} data-testid="group-assign-remember" onClick={() => void assignAndRemember(clientId)}>
            {t('assignRemember')}
          </button>
        )}
      </div>
      <details>
        <summary>{t('showSessions')}</summary>
        <ul class="sessions">
          {group.sessions.map((s) => (
            <li key={s.id}>
              <span>
                {formatDay(s.start)} {formatClock(s.start)}–{formatClock(s.end)} · {formatDuration(s.end - s.start)} · {activityLabel(s.activity)}
              </span>
              <ClientSelect label={t('assignSessionTo')} clients={clients} value="" onChange={(target) => void assign([s.id], target)} personal placeholder={t('assignOne')} />
              <SplitControl session={s} onDone={(text) => onMessage({ text })} />
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

export function UnassignedSection({ settings }: { settings: Settings }) {
  const [days, setDays] = useState<(typeof SPANS)[number]>(30);
  const [message, setMessage] = useState<Notice | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The Undo takes the focus: the assigned group is gone from the list, and with it the button that was pressed.
    if (message?.undo) undoRef.current?.focus();
  }, [message]);
  const to = dayRange(Date.now()).to;
  const sessions = useLiveQuery(async () => (await sessionsOverlapping(db, to - days * DAY, to)).filter((s) => s.clientId === null), [days, to]);
  const clients = useLiveQuery(() => db.clients.toArray(), []);

  return (
    <section aria-labelledby="unassigned-title">
      <div class="section-head">
        <h1 id="unassigned-title">{t('section_unassigned')}</h1>
        <label class="row small">
          {t('period')}
          <select value={String(days)} onChange={(e) => setDays(Number(e.currentTarget.value) as (typeof SPANS)[number])}>
            {SPANS.map((d) => (
              <option key={d} value={String(d)}>
                {t('lastDays', String(d))}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="muted">{t('unassignedHint')}</p>
      {message && (
        <p role="status" class="notice" data-testid="unassigned-message">
          {message.text}{' '}
          {message.undo && (
            <button
              type="button"
              ref={undoRef}
              data-testid="unassigned-undo"
              onClick={async () => {
                const result = await undoEdit(message.undo!);
                setMessage({ text: result.ok ? t('undone') : t('actionFailed') });
              }}
            >
              {t('undo')}
            </button>
          )}
        </p>
      )}
      {sessions.status === 'error' || clients.status === 'error' ? (
        <p class="error" role="alert">
          {t('errorData')}
        </p>
      ) : sessions.status !== 'ready' || clients.status !== 'ready' ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : sessions.value.length === 0 ? (
        <div class="empty card">
          <p>{t('unassignedEmpty')}</p>
        </div>
      ) : (
        <ul class="groups" data-testid="unassigned-groups">
          {groupSessions(sessions.value).map((group) => (
            <GroupRow key={group.key} group={group} clients={clients.value} settings={settings} onMessage={setMessage} />
          ))}
        </ul>
      )}
    </section>
  );
}
