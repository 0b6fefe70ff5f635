import { useState } from 'preact/hooks';
import { contractMinutes, termOn } from '../../../lib/contracts/targets';
import type { ClientRecord } from '../../../lib/db/records';
import { rateCents } from '../../../lib/money/cents';
import { reportPath } from '../../../lib/reports/report-link';
import type { Settings } from '../../../lib/settings/settings';
import { isoDate, monthRange } from '../../../lib/time/calendar';
import { request } from '../../../lib/ui/background-client';
import { ConfirmDialog } from '../../../lib/ui/components/ConfirmDialog';
import { MINUTE } from '../../../lib/time/clock';
import { formatDuration, formatHours, formatMoney } from '../../../lib/ui/format';
import { t, type MessageKey } from '../../../lib/ui/i18n';
import { useLiveQuery } from '../../../lib/ui/use-live-query';
import { config, db } from '../../../lib/ui/page-db';
import { ClientForm } from './ClientForm';
import { ClientSuggestions } from './ClientSuggestions';

function contractSummary(client: ClientRecord): string {
  const term = termOn(client.contracts, isoDate(Date.now()));
  if (!term || term.period === 'none') return t('contractNone');
  const summary = t(`contractSummary_${term.period}` as MessageKey, formatHours(contractMinutes(term) * MINUTE));
  return term.carryOver?.enabled ? t('contractSummaryCarry', summary, formatHours(term.carryOver.capMinutes * MINUTE)) : summary;
}

function rateSummary(client: ClientRecord): string {
  const rate = rateCents(client.hourlyRate);
  return rate !== null && client.currency ? ` · ${t('rateSummary', formatMoney(rate, client.currency))}` : '';
}

/** What deleting a client does to its time, counted before asking. */
async function deletionImpact(clientId: string): Promise<{ sessions: number; ms: number; rules: number }> {
  const sessions = await db.sessions.where('[clientId+start]').between([clientId, -Infinity], [clientId, Infinity]).toArray();
  const rules = await db.rules.where('clientId').equals(clientId).count();
  return { sessions: sessions.length, ms: sessions.reduce((sum, s) => sum + s.end - s.start, 0), rules };
}

export function ClientsSection({ settings }: { settings: Settings }) {
  const clients = useLiveQuery(() => db.clients.orderBy('name').toArray(), []);
  const [editing, setEditing] = useState<ClientRecord | 'new' | null>(null);
  const [deleting, setDeleting] = useState<{ client: ClientRecord; impact: Awaited<ReturnType<typeof deletionImpact>> } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  if (clients.status === 'loading') return <p aria-busy="true">{t('loading')}</p>;
  if (clients.status === 'error') return <p class="error" role="alert">{t('errorData')}</p>;
  const active = clients.value.filter((c) => !c.archived);
  const archived = clients.value.filter((c) => c.archived);

  const row = (client: ClientRecord) => (
    <li key={client.id} class="client-row" data-testid={`client-${client.name}`}>
      <span class="swatch" style={{ background: client.color }} aria-hidden="true" />
      <div class="grow">
        <strong>{client.name}</strong>
        <p class="muted small">
          {contractSummary(client)}
          {rateSummary(client)}
        </p>
      </div>
      <div class="actions">
        <a
          href={reportPath(client.id, monthRange(Date.now()), settings.reportShowAmount)}
          target="_blank"
          rel="noopener"
          class="button-like"
          aria-label={t('clientReportFor', client.name)}
          data-testid={`client-report-${client.name}`}
        >
          {t('clientReport')}
        </a>
        {!client.archived && (
          <button type="button" onClick={() => setEditing(client)} aria-label={t('editClient', client.name)}>
            {t('edit')}
          </button>
        )}
        <button
          type="button"
          aria-label={t(client.archived ? 'restoreClient' : 'archiveClient', client.name)}
          onClick={async () => {
            await config.setArchived(client.id, !client.archived);
            setMessage(t(client.archived ? 'clientRestored' : 'clientArchived', client.name));
          }}
        >
          {client.archived ? t('restore') : t('archive')}
        </button>
        <button type="button" class="danger" aria-label={t('deleteClient', client.name)} onClick={async () => setDeleting({ client, impact: await deletionImpact(client.id) })}>
          {t('delete')}
        </button>
      </div>
    </li>
  );

  return (
    <section aria-labelledby="clients-title">
      <div class="section-head">
        <h1 id="clients-title">{t('section_clients')}</h1>
        {editing === null && (
          <button type="button" class="primary" data-testid="client-new" onClick={() => setEditing('new')}>
            {t('clientNew')}
          </button>
        )}
      </div>
      {message && (
        <p role="status" class="notice">
          {message}
        </p>
      )}
      <ClientSuggestions clients={clients.value} settings={settings} />
      {editing !== null && (
        <ClientForm
          client={editing === 'new' ? null : editing}
          clients={clients.value}
          onDone={() => {
            setEditing(null);
            setMessage(null);
          }}
        />
      )}
      {active.length === 0 && editing === null ? (
        <div class="empty card">
          <p>{t('clientsEmpty')}</p>
        </div>
      ) : (
        <ul class="list" data-testid="clients-list">
          {active.map(row)}
        </ul>
      )}
      {archived.length > 0 && (
        <details class="archived">
          <summary>{t('archivedClients', String(archived.length))}</summary>
          <p class="muted small">{t('archivedHint')}</p>
          <ul class="list">{archived.map(row)}</ul>
        </details>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('deleteClientTitle', deleting.client.name)}
          confirmLabel={t('deleteClientConfirm')}
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            const result = await request({ type: 'delete-client', clientId: deleting.client.id });
            setMessage(result.ok ? t('clientDeleted', deleting.client.name) : t('actionFailed'));
            setDeleting(null);
          }}
        >
          <p>{t('deleteClientSessions', String(deleting.impact.sessions), formatDuration(deleting.impact.ms))}</p>
          <p>{t('deleteClientRules', String(deleting.impact.rules))}</p>
          <p>{t('deleteClientArchiveHint')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
