import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CommandResponse } from '../../../lib/messaging/protocol';
import type { ChannelStatus, SyncProblem, SyncStatus } from '../../../lib/sync/status';
import { parseFolderUrl } from '../../../lib/sync/folder-url';
import { MIN_PASSPHRASE_LENGTH, setupProblems, type SetupField, type WebDavSetup } from '../../../lib/sync/webdav-setup';
import { request } from '../../../lib/ui/background-client';
import { ConfirmDialog } from '../../../lib/ui/components/ConfirmDialog';
import { Field, described } from '../../../lib/ui/components/Field';
import { formatAgo, formatDuration } from '../../../lib/ui/format';
import { t, type MessageKey } from '../../../lib/ui/i18n';
import { syncProblemText } from '../../../lib/ui/sync-words';
import { useSyncStatus } from '../../../lib/ui/use-sync-status';

/** A minute is enough for "x minutes ago" to stay true. */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function ChannelLine({ status, now, testId }: { status: ChannelStatus; now: number; testId: string }) {
  return (
    <div class="sync-state" data-testid={testId} role="status">
      {status.running ? (
        <p>{t('syncRunning')}</p>
      ) : status.problem ? (
        <p class="error">{syncProblemText(status.problem)}</p>
      ) : status.lastSuccessAt !== null ? (
        <p>{t('syncLastSuccess', formatAgo(status.lastSuccessAt, now))}</p>
      ) : (
        <p class="muted">{t('syncNotYet')}</p>
      )}
      {status.problem && status.lastSuccessAt !== null && <p class="muted small">{t('syncLastSuccess', formatAgo(status.lastSuccessAt, now))}</p>}
      {status.problem && status.nextAttemptAt !== null && <p class="muted small">{t('syncNextAttempt', formatAgo(status.nextAttemptAt, now))}</p>}
    </div>
  );
}

function BrowserSyncCard({ status, now, onMessage }: { status: SyncStatus['browser']; now: number; onMessage: (text: string) => void }) {
  // What the user asked for, shown while the background does it (the box would spring back until the new state arrives).
  const [asked, setAsked] = useState<boolean | null>(null);
  const toggle = async () => {
    const enabled = !status.enabled;
    setAsked(enabled);
    const response = await request<CommandResponse>({ type: 'set-browser-sync', enabled }).catch(() => null);
    setAsked(null);
    onMessage(response?.ok ? t(enabled ? 'syncBrowserOn' : 'syncBrowserOff') : t('actionFailed'));
  };
  return (
    <div class="card">
      <h2 id="sync-browser-title">{t('syncBrowserTitle')}</h2>
      <p>{t('syncBrowserWhat')}</p>
      <p class="muted small">{t('syncBrowserWho')}</p>
      <label>
        <input type="checkbox" checked={asked ?? status.enabled} disabled={asked !== null} onChange={() => void toggle()} data-testid="sync-browser-toggle" /> {t('syncBrowserToggle')}
      </label>
      {status.enabled && (
        <>
          <ChannelLine status={status} now={now} testId="sync-browser-state" />
          {status.bytesInUse !== null && (
            <p class="muted small">{t('syncBrowserUsage', String(Math.ceil(status.bytesInUse / 1024)), String(Math.floor(status.quotaBytes / 1024)))}</p>
          )}
        </>
      )}
    </div>
  );
}

const EMPTY_SETUP: WebDavSetup = { folderUrl: '', username: '', password: '', passphrase: '', deviceName: '', memberName: '' };

/** Asks for the folder's origin alone, in the click's handler (a user gesture); a refusal sends nothing. */
async function askForFolder(permission: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [permission] });
  } catch {
    return false;
  }
}

function ConnectForm({ onMessage }: { onMessage: (text: string) => void }) {
  const [setup, setSetup] = useState<WebDavSetup>(EMPTY_SETUP);
  const [problems, setProblems] = useState<Partial<Record<SetupField, string>>>({});
  const [urlProblem, setUrlProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: SetupField) => (event: { currentTarget: HTMLInputElement }) => setSetup((s) => ({ ...s, [field]: event.currentTarget.value }));

  const fieldError = (field: SetupField): string | null => {
    if (field === 'folderUrl' && urlProblem) return urlProblem;
    const code = problems[field];
    if (!code) return null;
    if (code === 'too-short') return t('err_passphrase_short', String(MIN_PASSPHRASE_LENGTH));
    return t('err_sync_required');
  };

  const connect = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    const found = setupProblems(setup);
    const url = parseFolderUrl(setup.folderUrl);
    setProblems(found);
    setUrlProblem(setup.folderUrl.trim() && !url.ok ? t(`err_folder_${url.problem.replace(/-/g, '_')}` as MessageKey) : null);
    if (Object.keys(found).length > 0 || !url.ok) return;
    if (!(await askForFolder(url.permission))) {
      setFailure(t('permissionRefused', url.origin));
      return;
    }
    setBusy(true);
    const response = await request<CommandResponse>({ type: 'connect-webdav', setup: { ...setup, folderUrl: url.url } }).catch(() => null);
    setBusy(false);
    if (response?.ok) {
      setSetup(EMPTY_SETUP);
      onMessage(t('syncConnected'));
    } else {
      const code = response && !response.ok ? response.error : 'internal';
      setFailure(syncProblemText({ code: code as SyncProblem['code'] }));
    }
  };

  const input = (field: SetupField, label: MessageKey, type: 'url' | 'text' | 'password', hint?: MessageKey, autocomplete?: string) => {
    const error = fieldError(field);
    const hintText = hint ? t(hint) : undefined;
    const common = {
      ...described(`sync-${field}`, error, hintText),
      value: setup[field],
      onInput: set(field),
      autocomplete: autocomplete ?? 'off',
      'data-testid': `sync-${field}`,
    };
    return (
      <Field id={`sync-${field}`} label={t(label)} error={error} {...(hintText ? { hint: hintText } : {})}>
        {type === 'password' ? <input type="password" {...common} /> : type === 'url' ? <input type="url" {...common} /> : <input type="text" {...common} />}
      </Field>
    );
  };

  return (
    <form class="form" onSubmit={(e) => void connect(e)} noValidate aria-label={t('syncConnectTitle')} data-testid="sync-connect-form">
      <div class="grid">
        {input('folderUrl', 'syncFolderUrl', 'url', 'syncFolderUrlHint')}
        {input('username', 'syncUsername', 'text', undefined, 'username')}
        {input('password', 'syncPassword', 'password', undefined, 'current-password')}
        {input('passphrase', 'syncPassphrase', 'password', 'syncPassphraseHint', 'new-password')}
        {input('deviceName', 'syncDeviceName', 'text', 'syncDeviceNameHint')}
        {input('memberName', 'syncMemberName', 'text', 'syncMemberNameHint')}
      </div>
      {failure && (
        <p class="error" role="alert" data-testid="sync-connect-error">
          {failure}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy} data-testid="sync-connect">
        {busy ? t('syncConnecting') : t('syncConnect')}
      </button>
    </form>
  );
}

function WebDavCard({ status, now, onMessage }: { status: SyncStatus['webdav']; now: number; onMessage: (text: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const syncNow = async () => {
    const response = await request<CommandResponse>({ type: 'sync-now' }).catch(() => null);
    if (!response?.ok) onMessage(t('actionFailed'));
  };
  const disconnect = async () => {
    setConfirming(false);
    const response = await request<CommandResponse>({ type: 'disconnect-webdav' }).catch(() => null);
    onMessage(response?.ok ? t('syncDisconnected') : t('actionFailed'));
  };
  const skew = status.clockSkewMs;
  return (
    <div class="card">
      <h2>{t('syncDavTitle')}</h2>
      <p>{t('syncDavWhat')}</p>
      <p class="muted small">{t('syncDavWho')}</p>
      {!status.enabled || !status.device ? (
        <ConnectForm onMessage={onMessage} />
      ) : (
        <>
          <p data-testid="sync-dav-folder">
            {t('syncDavConnectedTo', status.folderUrl ?? '')} · {t('syncDavThisDevice', status.device.name, status.device.member)}
          </p>
          <ChannelLine status={status} now={now} testId="sync-dav-state" />
          {skew !== null && <p class="error" data-testid="sync-clock-skew">{t(skew > 0 ? 'syncClockAhead' : 'syncClockBehind', formatDuration(Math.abs(skew)))}</p>}
          {status.fileProblems.length > 0 && (
            <ul class="muted small" data-testid="sync-file-problems">
              {status.fileProblems.map((p) => (
                <li key={p.name}>{t('syncFileProblem', p.name, syncProblemText({ code: p.code }))}</li>
              ))}
            </ul>
          )}
          <h3>{t('syncDevices')}</h3>
          <table class="table" data-testid="sync-devices">
            <thead>
              <tr>
                <th scope="col">{t('syncDeviceName')}</th>
                <th scope="col">{t('syncMemberName')}</th>
                <th scope="col">{t('syncDeviceSeen')}</th>
              </tr>
            </thead>
            <tbody>
              {status.devices.map((d) => (
                <tr key={d.id}>
                  <td>
                    {d.name}
                    {d.id === status.device?.id && <span class="muted"> ({t('syncThisDevice')})</span>}
                  </td>
                  <td>{d.member}</td>
                  <td>{d.lastSeenAt === null ? '—' : formatAgo(d.lastSeenAt, now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="actions">
            <button type="button" class="primary" onClick={() => void syncNow()} disabled={status.running} data-testid="sync-now">
              {t('syncNow')}
            </button>
            <button type="button" class="danger" onClick={() => setConfirming(true)} data-testid="sync-disconnect">
              {t('syncDisconnect')}
            </button>
          </div>
          {confirming && (
            <ConfirmDialog title={t('syncDisconnectTitle')} confirmLabel={t('syncDisconnect')} danger onConfirm={() => void disconnect()} onCancel={() => setConfirming(false)}>
              <p>{t('syncDisconnectText')}</p>
            </ConfirmDialog>
          )}
        </>
      )}
    </div>
  );
}

/** Sync: settings through the browser's own sync, sessions through the user's WebDAV folder. Both off until the user turns them on. */
export function SyncSection() {
  const status = useSyncStatus();
  const now = useNow();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section aria-labelledby="sync-title">
      <h1 id="sync-title">{t('section_sync')}</h1>
      <p class="muted">{t('syncIntro')}</p>
      {message && (
        <p role="status" class="notice">
          {message}
        </p>
      )}
      {status === null ? (
        <p class="muted" aria-busy="true">
          {t('loading')}
        </p>
      ) : (
        <>
          <BrowserSyncCard status={status.browser} now={now} onMessage={setMessage} />
          <WebDavCard status={status.webdav} now={now} onMessage={setMessage} />
        </>
      )}
    </section>
  );
}
