import { useState } from 'preact/hooks';
import { ruleKind, type RuleKind } from '../../../lib/attribution/attribute';
import { reattributionCandidates } from '../../../lib/attribution/reattribute';
import { parseRuleForm, type RuleForm, type RuleProblem } from '../../../lib/attribution/rule-form';
import type { RuleRecord } from '../../../lib/db/records';
import { PLATFORM_IDS, platformName } from '../../../lib/platforms/catalogue';
import type { Settings } from '../../../lib/settings/settings';
import { request } from '../../../lib/ui/background-client';
import { ClientSelect } from '../../../lib/ui/components/ClientSelect';
import { Field, described } from '../../../lib/ui/components/Field';
import { formatDuration } from '../../../lib/ui/format';
import { ConfirmDialog } from '../../../lib/ui/components/ConfirmDialog';
import { t, type MessageKey } from '../../../lib/ui/i18n';
import { useLiveQuery } from '../../../lib/ui/use-live-query';
import { config, db } from '../../../lib/ui/page-db';

const EMPTY: RuleForm = { clientId: '', kind: 'account', platform: 'facebook', account: '', urlPattern: '' };

function describeRule(rule: RuleRecord, settings: Settings): string {
  switch (ruleKind(rule)) {
    case 'account':
      return t('ruleAccount', rule.account ?? '', platformName(rule.platform ?? '', settings.customSites));
    case 'url':
      return t('ruleUrl', rule.urlPattern ?? '');
    case 'platform':
      return t('rulePlatform', platformName(rule.platform ?? '', settings.customSites));
  }
}

export function RulesSection({ settings }: { settings: Settings }) {
  const rules = useLiveQuery(() => db.rules.toArray(), []);
  const clients = useLiveQuery(() => db.clients.toArray(), []);
  const [form, setForm] = useState<RuleForm>(EMPTY);
  const [problems, setProblems] = useState<RuleProblem[]>([]);
  const [offer, setOffer] = useState<{ rule: RuleRecord; count: number; ms: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<RuleRecord | null>(null);

  if (rules.status !== 'ready' || clients.status !== 'ready') {
    return rules.status === 'error' || clients.status === 'error' ? <p class="error" role="alert">{t('errorData')}</p> : <p aria-busy="true">{t('loading')}</p>;
  }
  const platforms = [...PLATFORM_IDS, ...settings.customSites.map((s) => s.id)];
  const clientName = (id: string) => clients.value.find((c) => c.id === id)?.name ?? '?';
  const error = (...codes: RuleProblem[]) => {
    const problem = problems.find((p) => codes.includes(p));
    return problem ? t(`err_${problem.replace(/-/g, '_')}` as MessageKey) : null;
  };
  const set = (change: Partial<RuleForm>) => setForm((f) => ({ ...f, ...change }));

  const add = async (event: Event) => {
    event.preventDefault();
    const parsed = parseRuleForm(form, rules.value, crypto.randomUUID(), Date.now());
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    setProblems([]);
    await config.putRule(parsed.rule);
    const candidates = reattributionCandidates(parsed.rule, await db.sessions.filter((s) => s.clientId === null).toArray());
    setOffer(candidates.length > 0 ? { rule: parsed.rule, count: candidates.length, ms: candidates.reduce((sum, s) => sum + s.end - s.start, 0) } : null);
    setMessage(t('ruleAdded', clientName(parsed.rule.clientId)));
    setForm({ ...EMPTY, clientId: form.clientId });
  };

  const sorted = [...rules.value].sort((a, b) => clientName(a.clientId).localeCompare(clientName(b.clientId)) || b.createdAt - a.createdAt);
  return (
    <section aria-labelledby="rules-title">
      <h1 id="rules-title">{t('section_rules')}</h1>
      <p class="muted">{t('rulesOrder')}</p>
      {message && (
        <p role="status" class="notice">
          {message}
        </p>
      )}
      {offer && (
        <div class="card offer" data-testid="rule-reattribute-offer">
          <p>{t('ruleReattributeOffer', String(offer.count), formatDuration(offer.ms), clientName(offer.rule.clientId))}</p>
          <div class="actions">
            <button type="button" onClick={() => setOffer(null)}>
              {t('reattributeNo')}
            </button>
            <button
              type="button"
              class="primary"
              data-testid="rule-reattribute-yes"
              onClick={async () => {
                const result = await request({ type: 'reattribute', ruleId: offer.rule.id });
                setMessage(result.ok ? t('reattributeDone', String(result.count ?? 0)) : t('actionFailed'));
                setOffer(null);
              }}
            >
              {t('reattributeYes')}
            </button>
          </div>
        </div>
      )}
      <form class="card form" onSubmit={(e) => void add(e)} aria-labelledby="rule-form-title" noValidate data-testid="rule-form">
        <h2 id="rule-form-title">{t('ruleNew')}</h2>
        <div class="grid">
          <Field id="rule-client" label={t('client')} error={error('client-missing')}>
            <ClientSelect id="rule-client" clients={clients.value} value={form.clientId} onChange={(clientId) => set({ clientId })} personal placeholder={t('chooseClient')} />
          </Field>
          <Field id="rule-kind" label={t('ruleKind')}>
            <select id="rule-kind" value={form.kind} onChange={(e) => set({ kind: e.currentTarget.value as RuleKind })}>
              {(['account', 'url', 'platform'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`ruleKind_${k}` as MessageKey)}
                </option>
              ))}
            </select>
          </Field>
          {form.kind !== 'url' && (
            <Field id="rule-platform" label={t('platform')} error={error('platform-missing')}>
              <select id="rule-platform" value={form.platform} onChange={(e) => set({ platform: e.currentTarget.value })}>
                {platforms.map((p) => (
                  <option key={p} value={p}>
                    {platformName(p, settings.customSites)}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {form.kind === 'account' && (
            <Field id="rule-account" label={t('account')} error={error('account-missing', 'account-invalid', 'duplicate')} hint={t('ruleAccountHint')}>
              <input {...described('rule-account', error('account-missing', 'account-invalid', 'duplicate'), t('ruleAccountHint'))} value={form.account} onInput={(e) => set({ account: e.currentTarget.value })} />
            </Field>
          )}
          {form.kind === 'url' && (
            <Field id="rule-pattern" label={t('urlPattern')} error={error('pattern-empty', 'pattern-no-host', 'pattern-invalid', 'duplicate')} hint={t('urlPatternHint')}>
              <input {...described('rule-pattern', error('pattern-empty', 'pattern-no-host', 'pattern-invalid', 'duplicate'), t('urlPatternHint'))} value={form.urlPattern} onInput={(e) => set({ urlPattern: e.currentTarget.value })} />
            </Field>
          )}
        </div>
        {form.kind === 'platform' && error('duplicate') && (
          <p class="error" role="alert">
            {error('duplicate')}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" data-testid="rule-save">
            {t('ruleAdd')}
          </button>
        </div>
      </form>
      {sorted.length === 0 ? (
        <div class="empty card">
          <p>{t('rulesEmpty')}</p>
        </div>
      ) : (
        <ul class="list" data-testid="rules-list">
          {sorted.map((rule) => (
            <li key={rule.id} class="client-row">
              <div class="grow">
                <strong>{describeRule(rule, settings)}</strong>
                <p class="muted small">{t('ruleGoesTo', rule.clientId === 'personal' ? t('personalTime') : clientName(rule.clientId))}</p>
              </div>
              <button type="button" class="danger" aria-label={t('ruleDelete', describeRule(rule, settings))} onClick={() => setDeleting(rule)}>
                {t('delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('ruleDeleteTitle')}
          confirmLabel={t('delete')}
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const rule = deleting;
            setDeleting(null);
            void config.deleteRule(rule.id, Date.now()).then(() => setMessage(t('ruleDeleted', describeRule(rule, settings))));
          }}
        >
          <p>{t('ruleDeleteBody', describeRule(deleting, settings))}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
