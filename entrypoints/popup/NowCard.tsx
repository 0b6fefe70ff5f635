import { useState } from 'preact/hooks';
import { currentAttribution, offersAssignment } from '../../lib/attribution/current';
import { explainAttribution, type Explanation } from '../../lib/attribution/explain';
import { reattributionCandidates } from '../../lib/attribution/reattribute';
import type { ClientRecord, RuleRecord } from '../../lib/db/records';
import type { StatusResponse } from '../../lib/messaging/protocol';
import { platformName } from '../../lib/platforms/catalogue';
import type { PageContext } from '../../lib/platforms/types';
import type { Settings } from '../../lib/settings/settings';
import type { TrackingStatus } from '../../lib/tracking/status';
import { request } from '../../lib/ui/background-client';
import { ClientSelect } from '../../lib/ui/components/ClientSelect';
import { config, db } from '../../lib/ui/page-db';
import { formatClock, formatDuration } from '../../lib/ui/format';
import { t, type MessageKey } from '../../lib/ui/i18n';
import { activityLabel } from '../../lib/ui/labels';
import { OverrideForm } from './OverrideCard';


const REASONS: Record<Exclude<TrackingStatus['kind'], 'tracking'>, MessageKey> = {
  paused: 'statusPaused',
  idle: 'statusIdle',
  locked: 'statusLocked',
  waiting: 'statusWaiting',
  'not-focused': 'statusNotFocused',
  'not-tracked': 'statusNotTracked',
};

function explanationText(e: Explanation, customSites: Settings['customSites']): string {
  switch (e.kind) {
    case 'override':
      return e.until === null ? t('whyOverride', e.clientName) : t('whyOverrideUntil', e.clientName, formatClock(e.until));
    case 'account':
      return t('whyAccount', e.clientName, e.account, platformName(e.platform, customSites));
    case 'url':
      return t('whyUrl', e.clientName, e.pattern);
    case 'platform':
      return t('whyPlatform', e.clientName, platformName(e.platform, customSites));
    case 'personal':
      return t('whyPersonal');
    case 'unassigned':
      return t('whyUnassigned');
  }
}

/** What assigning an account led to: a confirmation, and an offer for the earlier unassigned time. Kept above the card, so that it outlives a change of page. */
export interface AssignOutcome {
  message: string;
  offer: { ruleId: string; ms: number } | null;
}

/** "This account belongs to…": creates the account rule for the current page. */
function AssignAccount({ context, clients, rules, onAssigned }: { context: PageContext; clients: ClientRecord[]; rules: RuleRecord[]; onAssigned: (outcome: AssignOutcome) => Promise<void> }) {
  const [clientId, setClientId] = useState('');
  if (context.account === null) return <p class="muted small">{t('assignNoAccount')}</p>;
  const existing = rules.find((r) => r.platform === context.platform && r.account === context.account && !r.urlPattern);

  const save = async () => {
    if (!clientId) return;
    const rule: RuleRecord = { id: crypto.randomUUID(), clientId, platform: context.platform, account: context.account, urlPattern: null, createdAt: Date.now() };
    await config.putRule(rule, existing?.id);
    const unassigned = await db.sessions.filter((s) => s.clientId === null && s.platform === context.platform && s.account === context.account).toArray();
    const ms = reattributionCandidates(rule, unassigned).reduce((sum, s) => sum + s.end - s.start, 0);
    await onAssigned({ message: t('assignDone', clients.find((c) => c.id === clientId)?.name ?? t('personalTime')), offer: ms > 0 ? { ruleId: rule.id, ms } : null });
  };

  return (
    <div class="assign">
      <label for="assign-client" class="small">
        {t('assignAccountLabel', context.account)}
      </label>
      <div class="row">
        <ClientSelect id="assign-client" testId="assign-client" clients={clients} value={clientId} onChange={setClientId} personal placeholder={t('chooseClient')} />
        <button type="button" data-testid="assign-save" disabled={!clientId} aria-describedby={clientId ? undefined : 'assign-why'} onClick={() => void save()}>
          {t('assign')}
        </button>
      </div>
      {!clientId && (
        <p id="assign-why" class="muted small">
          {t('chooseClientFirst')}
        </p>
      )}
    </div>
  );
}

/** The outcome of an assignment, with the offer to move the account's earlier unassigned time to the same client. */
export function AssignOutcomeNote({ outcome, onChange }: { outcome: AssignOutcome; onChange: (outcome: AssignOutcome | null) => void }) {
  const { offer } = outcome;
  return (
    <div class="card offer" role="status">
      <p class="small">{outcome.message}</p>
      {offer && (
        <div data-testid="reattribute-offer">
          <p>{t('reattributeOffer', formatDuration(offer.ms))}</p>
          <div class="actions">
            <button type="button" data-testid="reattribute-no" onClick={() => onChange(null)}>
              {t('reattributeNo')}
            </button>
            <button
              type="button"
              class="primary"
              data-testid="reattribute-yes"
              onClick={async () => {
                const result = await request({ type: 'reattribute', ruleId: offer.ruleId });
                onChange({ message: result.ok ? t('reattributeDone', String(result.count ?? 0)) : t('actionFailed'), offer: null });
              }}
            >
              {t('reattributeYes')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

export function NowCard({
  response,
  clients,
  rules,
  settings,
  onChange,
  onAssigned,
}: {
  response: StatusResponse;
  clients: ClientRecord[];
  rules: RuleRecord[];
  settings: Settings;
  onChange: () => Promise<void>;
  onAssigned: (outcome: AssignOutcome) => Promise<void>;
}) {
  const { status, paused, override, now } = response;
  // "Not this client?": the choices hidden while the page already has its client.
  const [choosing, setChoosing] = useState(false);
  const current = currentAttribution(status, rules, clients, override, now);
  const client = current?.clientId ? clients.find((c) => c.id === current.clientId) : undefined;
  const clientName = current?.clientId ? (client?.name ?? t('personalTime')) : t('unassigned');

  return (
    <section class="now card pinned" aria-labelledby="now-title">
      <div class="now-row">
        <h2 id="now-title">{t('now')}</h2>
        <button
          type="button"
          class={paused ? 'primary' : ''}
          aria-pressed={paused}
          data-testid="pause-toggle"
          onClick={async () => {
            await request({ type: 'set-paused', paused: !paused });
            await onChange();
          }}
        >
          {paused ? t('resume') : t('pause')}
        </button>
      </div>
      {status.kind === 'tracking' ? (
        <div class="now-tracking" data-testid="now-tracking">
          <p class="now-client">
            <span class="swatch" style={{ background: client?.color ?? 'transparent' }} aria-hidden="true" />
            <strong data-testid="now-client">{clientName}</strong>
          </p>
          <p class="small muted">
            <span data-testid="now-platform">{platformName(status.session.platform, settings.customSites)}</span>
            {' · '}
            <span data-testid="now-account">{status.session.account ?? t('noAccount')}</span>
            {' · '}
            {activityLabel(status.session.activity)}
            {' · '}
            <span data-testid="now-duration">{formatDuration(status.session.end - status.session.start)}</span>
          </p>
        </div>
      ) : (
        <p class="muted" role="status" data-testid="now-reason" data-reason={status.kind}>
          {t(REASONS[status.kind])}
        </p>
      )}
      {current && (
        <div class="now-actions">
          {!offersAssignment(current) && (
            <button type="button" class="link" aria-expanded={choosing} data-testid="not-this-client" onClick={() => setChoosing(!choosing)}>
              {t('notThisClient')}
            </button>
          )}
          <details class="why">
            <summary data-testid="why">{t('whyTitle')}</summary>
            <p data-testid="why-text">{explanationText(explainAttribution(current, rules, clients, override), settings.customSites)}</p>
          </details>
        </div>
      )}
      {current && (offersAssignment(current) || choosing) && (
        <AssignAccount
          key={`${current.context.platform}:${current.context.account}`}
          context={current.context}
          clients={clients}
          rules={rules}
          onAssigned={async (outcome) => {
            setChoosing(false);
            await onAssigned(outcome);
          }}
        />
      )}
      {current && choosing && !override && <OverrideForm clients={clients} onChange={onChange} />}
    </section>
  );
}
