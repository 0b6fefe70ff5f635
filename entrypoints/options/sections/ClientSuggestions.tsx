import { useState } from 'preact/hooks';
import { parseRuleForm } from '../../../lib/attribution/rule-form';
import { quickClient } from '../../../lib/clients/quick-client';
import type { ClientRecord } from '../../../lib/db/records';
import { SUGGESTION_WINDOW_DAYS, suggestClients, type ClientSuggestion } from '../../../lib/onboarding/suggestions';
import { platformName } from '../../../lib/platforms/catalogue';
import type { Settings } from '../../../lib/settings/settings';
import { DAY } from '../../../lib/time/clock';
import { request } from '../../../lib/ui/background-client';
import { formatDuration } from '../../../lib/ui/format';
import { t, type MessageKey } from '../../../lib/ui/i18n';
import { config, db } from '../../../lib/ui/page-db';
import { useLiveQuery } from '../../../lib/ui/use-live-query';

/**
 * Creates (or reuses) the client, adds one account rule per account, and gives each rule the
 * past unassigned time it matches. Returns how many rules were added and sessions moved.
 */
async function adopt(suggestion: ClientSuggestion, clients: readonly ClientRecord[]): Promise<{ ok: true; rules: number; moved: number } | { ok: false; error: string }> {
  let clientId = suggestion.existingClientId;
  if (!clientId) {
    const created = quickClient(suggestion.name, clients, crypto.randomUUID(), Date.now());
    if (!created.ok) return { ok: false, error: t(`err_${created.problems[0]!.code.replace(/-/g, '_')}` as MessageKey) };
    await config.saveClient(created.client);
    clientId = created.client.id;
  }
  const rules = await db.rules.toArray();
  let moved = 0;
  let added = 0;
  for (const { platform, account } of suggestion.accounts) {
    const parsed = parseRuleForm({ clientId, kind: 'account', platform, account, urlPattern: '' }, rules, crypto.randomUUID(), Date.now());
    // Suggestions leave out accounts a rule covers: a refusal here is a rule added meanwhile, elsewhere.
    if (!parsed.ok) continue;
    await config.putRule(parsed.rule);
    rules.push(parsed.rule);
    added += 1;
    const result = await request({ type: 'reattribute', ruleId: parsed.rule.id });
    if (!result.ok) return { ok: false, error: t('actionFailed') };
    moved += result.count ?? 0;
  }
  return { ok: true, rules: added, moved };
}

/** Clients suggested from the accounts of recent unassigned time, each adopted in one click. */
export function ClientSuggestions({ clients, settings }: { clients: readonly ClientRecord[]; settings: Settings }) {
  const since = Date.now() - SUGGESTION_WINDOW_DAYS * DAY;
  const seen = useLiveQuery(() => Promise.all([db.sessions.where('start').aboveOrEqual(since).filter((s) => s.clientId === null).toArray(), db.rules.toArray()]), []);
  const [working, setWorking] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (seen.status !== 'ready') return null;
  const suggestions = suggestClients(seen.value[0], clients, seen.value[1]);
  if (suggestions.length === 0 && !message) return null;

  const run = async (suggestion: ClientSuggestion) => {
    // aria-busy rather than disabled: the button stays focusable, and a second click does nothing.
    if (working) return;
    setWorking(suggestion.name);
    try {
      const result = await adopt(suggestion, clients);
      setMessage(result.ok ? { ok: true, text: t('suggestionDone', suggestion.name, String(result.rules), String(result.moved)) } : { ok: false, text: result.error });
    } catch {
      setMessage({ ok: false, text: t('actionFailed') });
    } finally {
      setWorking(null);
    }
  };

  return (
    <div class="card suggestions" data-testid="client-suggestions">
      <h2 id="suggestions-title">{t('suggestionsTitle')}</h2>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'notice' : 'error'} data-testid="suggestion-message">
          {message.text}
        </p>
      )}
      {suggestions.length > 0 && <p class="hint">{t('suggestionsHint')}</p>}
      <ul class="list" aria-labelledby="suggestions-title">
        {suggestions.map((s) => (
          <li key={s.name} class="client-row" data-testid={`suggestion-${s.name}`}>
            <div class="grow">
              <strong>{s.name}</strong>
              <p class="muted small">
                {s.accounts.map((a) => `${platformName(a.platform, settings.customSites)} · ${a.account}`).join(', ')} — {t('suggestionTime', formatDuration(s.ms))}
              </p>
            </div>
            <button
              type="button"
              class="primary"
              data-testid="suggestion-adopt"
              aria-busy={working === s.name || undefined}
              aria-label={s.existingClientId ? undefined : t('suggestionCreateFor', s.name)}
              onClick={() => void run(s)}
            >
              {s.existingClientId ? t('suggestionAssign', s.name) : t('suggestionCreate')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
