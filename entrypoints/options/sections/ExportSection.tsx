import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readBackupContents } from '../../../lib/backup/backup-contents';
import { createBackup, type BackupProblem } from '../../../lib/backup/backup-file';
import { PERSONAL_CLIENT_ID } from '../../../lib/db/records';
import { clientSessionsOverlapping, sessionsOverlapping } from '../../../lib/db/session-queries';
import { rangeLabel, safeFilePart } from '../../../lib/export/file-names';
import { lastCompleteWeek } from '../../../lib/export/last-week';
import { sessionsCsv, type CsvVariant } from '../../../lib/export/sessions-csv';
import { WEEKLY_EXPORT_CONTENTS, WEEKLY_EXPORT_MODES, type Settings } from '../../../lib/settings/settings';
import { dayRange, isoDate, parseIsoDate } from '../../../lib/time/calendar';
import { request } from '../../../lib/ui/background-client';
import { downloadText } from '../../../lib/ui/download';
import { Field, described } from '../../../lib/ui/components/Field';
import { t, type MessageKey } from '../../../lib/ui/i18n';
import { saveSettings } from '../../../lib/ui/settings-store';
import { useLiveQuery } from '../../../lib/ui/use-live-query';
import { useSyncStatus } from '../../../lib/ui/use-sync-status';
import { memberResolver } from '../../../lib/sync/members';
import { db } from '../../../lib/ui/page-db';

function backupProblemText(problem: BackupProblem): string {
  switch (problem.code) {
    case 'too-large':
      return t('restoreTooLarge', String(problem.limitMb));
    case 'not-json':
      return t('restoreNotJson');
    case 'not-a-backup':
      return t('restoreNotBackup');
    case 'wrong-version':
      return t('restoreWrongVersion', String(problem.version));
    case 'invalid':
      return t('restoreInvalid', problem.where);
    case 'duplicate-id':
      return t('restoreDuplicate', problem.table, problem.id);
    case 'unknown-client':
      return t('restoreUnknownClient', problem.table, problem.id);
    case 'overlap':
      return t('restoreOverlap', problem.id);
  }
}

export function ExportSection({ settings }: { settings: Settings }) {
  const week = lastCompleteWeek(Date.now(), settings.weekStartsOn);
  const [from, setFrom] = useState(isoDate(week.from));
  const [to, setTo] = useState(isoDate(week.to - 1));
  const [clientId, setClientId] = useState('all');
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const clients = useLiveQuery(() => db.clients.orderBy('name').toArray(), []);

  const fromDay = parseIsoDate(from);
  const toDay = parseIsoDate(to);
  const rangeError = fromDay === null || toDay === null ? t('err_date_invalid') : toDay < fromDay ? t('exportRangeReversed') : null;
  const range = fromDay !== null && toDay !== null ? { from: fromDay, to: dayRange(toDay).to } : null;
  const clientList = clients.status === 'ready' ? clients.value : [];
  const sync = useSyncStatus();
  const client = clientList.find((c) => c.id === clientId);

  const exportCsv = async (variant: CsvVariant) => {
    if (!range || rangeError) return;
    const sessions = client ? await clientSessionsOverlapping(db, client.id, range.from, range.to) : await sessionsOverlapping(db, range.from, range.to);
    const names = new Map(clientList.map((c) => [c.id, c.name]));
    const memberOf = sync ? memberResolver(sync.webdav.devices, sync.webdav.device) : null;
    const csv = sessionsCsv(sessions, range, {
      variant,
      clientName: (id) => (id === null ? '' : id === PERSONAL_CLIENT_ID ? t('personalCsv') : (names.get(id) ?? '')),
      ...(memberOf ? { memberName: (session) => memberOf(session.recordedBy) } : {}),
    });
    const who = client ? safeFilePart(client.name) : 'all';
    await downloadText(csv, `social-hours_${who}_${rangeLabel(range)}${variant === 'spreadsheet' ? '_spreadsheet' : ''}.csv`, 'text/csv;charset=utf-8');
    setMessage({ text: t('exportDone'), ok: true });
  };

  const backup = async () => {
    const contents = await readBackupContents(db, settings);
    await downloadText(createBackup(contents, Date.now()), `social-hours_backup_${isoDate(Date.now())}.json`, 'application/json');
    setMessage({ text: t('backupDone', String(contents.sessions.length)), ok: true });
  };

  const restore = async (file: File) => {
    setBusy(true);
    try {
      const text = await file.text();
      const result = await request({ type: 'restore-backup', text, byteLength: file.size });
      if (result.ok && result.restored) {
        const { added, updated, unchanged, removed, settingsRestored } = result.restored;
        setMessage({ text: `${t('restoreDone', String(added), String(updated), String(unchanged), String(removed))}${settingsRestored ? ` ${t('restoreSettings')}` : ''}`, ok: true });
      } else if (!result.ok && result.error === 'backup-invalid' && result.detail) {
        setMessage({ text: `${backupProblemText(result.detail as unknown as BackupProblem)} ${t('restoreNothingChanged')}`, ok: false });
      } else {
        setMessage({ text: `${t('actionFailed')} ${t('restoreNothingChanged')}`, ok: false });
      }
    } finally {
      setBusy(false);
    }
  };

  const updateSettings = async (change: Partial<Settings>) => {
    const problems = await saveSettings({ ...settings, ...change });
    setMessage(problems.length === 0 ? { text: t('settingsSaved'), ok: true } : { text: t('actionFailed'), ok: false });
  };

  return (
    <section aria-labelledby="export-title">
      <h1 id="export-title">{t('section_export')}</h1>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'notice' : 'error'} data-testid="export-message">
          {message.text}
        </p>
      )}
      <div class="card form">
        <h2>{t('exportTitle')}</h2>
        <div class="grid">
          <Field id="export-from" label={t('exportFrom')} error={rangeError}>
            <input {...described('export-from', rangeError)} type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          </Field>
          <Field id="export-to" label={t('exportTo')}>
            <input id="export-to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          </Field>
          <Field id="export-client" label={t('client')}>
            <select id="export-client" value={clientId} onChange={(e) => setClientId(e.currentTarget.value)} data-testid="export-client">
              <option value="all">{t('allClients')}</option>
              {clientList.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <p class="hint">{t('exportHint')}</p>
        <div class="actions">
          <button type="button" disabled={!!rangeError} aria-describedby={rangeError ? 'export-from-error' : undefined} data-testid="export-csv" onClick={() => void exportCsv('standard')}>
            {t('exportCsv')}
          </button>
          <button
            type="button"
            disabled={!!rangeError}
            aria-describedby={rangeError ? 'export-from-error' : undefined}
            data-testid="export-spreadsheet"
            onClick={() => void exportCsv('spreadsheet')}
          >
            {t('exportSpreadsheet')}
          </button>
          <button
            type="button"
            class="primary"
            disabled={!!rangeError || !client}
            aria-describedby={[rangeError ? 'export-from-error' : '', client ? '' : 'export-report-needs-client'].filter(Boolean).join(' ') || undefined}
            data-testid="export-report"
            onClick={() =>
              void browser.tabs.create({
                url: browser.runtime.getURL(`/report.html?client=${encodeURIComponent(clientId)}&from=${from}&to=${to}&amount=${settings.reportShowAmount ? 1 : 0}`),
              })
            }
          >
            {t('exportReport')}
          </button>
        </div>
        {/* A disabled button says nothing by itself: the reason stays in view, and is its description. */}
        {!client && (
          <p class="hint" id="export-report-needs-client" data-testid="export-report-why">
            {t('exportReportNeedsClient')}
          </p>
        )}
        <label class="check">
          <input type="checkbox" checked={settings.reportShowAmount} onChange={(e) => void updateSettings({ reportShowAmount: e.currentTarget.checked })} /> {t('reportShowAmount')}
        </label>
      </div>

      <div class="card form">
        <h2>{t('weeklyTitle')}</h2>
        <p class="hint">{t('weeklyHint')}</p>
        <div class="grid">
          <Field id="weekly-mode" label={t('weeklyMode')}>
            <select id="weekly-mode" value={settings.weeklyExport} data-testid="weekly-mode" onChange={(e) => void updateSettings({ weeklyExport: e.currentTarget.value as Settings['weeklyExport'] })}>
              {WEEKLY_EXPORT_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`weekly_${m}` as MessageKey)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="weekly-content" label={t('weeklyContent')}>
            <select id="weekly-content" value={settings.weeklyExportContent} onChange={(e) => void updateSettings({ weeklyExportContent: e.currentTarget.value as Settings['weeklyExportContent'] })}>
              {WEEKLY_EXPORT_CONTENTS.map((c) => (
                <option key={c} value={c}>
                  {t(`weeklyContent_${c}` as MessageKey)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </div>

      <div class="card form">
        <h2>{t('backupTitle')}</h2>
        <p class="hint">{t('backupHint')}</p>
        <div class="actions">
          <button type="button" data-testid="backup-download" onClick={() => void backup()}>
            {t('backupDownload')}
          </button>
          <label class="button-like">
            {busy ? t('restoreBusy') : t('restoreChoose')}
            <input
              type="file"
              accept="application/json,.json"
              class="visually-hidden"
              data-testid="restore-file"
              disabled={busy}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) void restore(file);
              }}
            />
          </label>
        </div>
      </div>
    </section>
  );
}
