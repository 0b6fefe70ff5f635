import { useEffect, useState } from 'preact/hooks';
import { PALETTE } from '../../../lib/clients/quick-client';
import { hoursText, parseClientForm, typedContractMinutes, withTerm, type ClientForm as Form, type ClientProblem } from '../../../lib/clients/client-form';
import { contractMinutes, termOn } from '../../../lib/contracts/targets';
import { ROUNDING_CHOICES, type ClientRecord } from '../../../lib/db/records';
import { MAX_CLIENT_DETAILS } from '../../../lib/schema/client';
import { isoDate, monthRange } from '../../../lib/time/calendar';
import { MINUTE } from '../../../lib/time/clock';
import { Field, described } from '../../../lib/ui/components/Field';
import { formatDuration } from '../../../lib/ui/format';
import { withRate } from '../../../lib/money/rates';
import { useReturnFocus } from '../../../lib/ui/use-return-focus';
import { t, type MessageKey } from '../../../lib/ui/i18n';
import { roundingLabel } from '../../../lib/ui/labels';
import { config } from '../../../lib/ui/page-db';

function initialForm(client: ClientRecord | null, count: number): Form {
  const today = isoDate(Date.now());
  const term = client ? termOn(client.contracts, today) : null;
  // A new client's contract usually began before today: count the whole current month by default.
  const from = client ? today : isoDate(monthRange(Date.now()).from);
  return {
    name: client?.name ?? '',
    color: client?.color ?? PALETTE[count % PALETTE.length]!,
    period: term?.period ?? 'none',
    hours: term && term.period !== 'none' ? hoursText(contractMinutes(term)) : '',
    from,
    hourlyRate: client?.hourlyRate != null ? String(client.hourlyRate) : '',
    currency: client?.currency ?? 'EUR',
    roundingMinutes: String(client?.roundingMinutes ?? 0),
    carryOver: term?.carryOver?.enabled ?? false,
    carryCapHours: term?.carryOver ? hoursText(term.carryOver.capMinutes) : '',
    details: client?.details ?? '',
  };
}

/** Creates or edits a client; a changed contract applies from the date given, and earlier periods keep the old one. */
export function ClientForm({ client, clients, onDone }: { client: ClientRecord | null; clients: ClientRecord[]; onDone: () => void }) {
  // The form opens on its first field; Escape or Cancel gives the focus back to the row's Edit or to "New client".
  useEffect(() => document.getElementById('client-name')?.focus(), []);
  useReturnFocus(() => document.querySelector<HTMLElement>(client ? `[data-testid="client-${CSS.escape(client.name)}"] .actions button` : '[data-testid="client-new"]'));
  const [form, setForm] = useState<Form>(() => initialForm(client, clients.length));
  const [problems, setProblems] = useState<ClientProblem[]>([]);
  const set = (change: Partial<Form>) => setForm((f) => ({ ...f, ...change }));
  const typedMinutes = typedContractMinutes(form.hours);
  const hoursHint = typedMinutes === null ? undefined : t('contractHoursCounted', formatDuration(typedMinutes * MINUTE));
  const error = (field: ClientProblem['field']) => {
    const problem = problems.find((p) => p.field === field);
    return problem ? t(`err_${problem.code.replace(/-/g, '_')}` as MessageKey) : null;
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const parsed = parseClientForm(form, clients, client?.id ?? null);
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    const { name, color, term, hourlyRate, currency, roundingMinutes, details } = parsed.value;
    await config.saveClient({
      id: client?.id ?? crypto.randomUUID(),
      name,
      color,
      archived: client?.archived ?? false,
      createdAt: client?.createdAt ?? Date.now(),
      contracts: withTerm(client?.contracts, term),
      hourlyRate,
      // A new rate applies from the same date as the contract: the days before keep theirs.
      rates: client ? withRate(client, term.from, hourlyRate) : undefined,
      currency,
      roundingMinutes,
      ...(details ? { details } : {}),
    });
    onDone();
  };

  return (
    <form
      class="card form"
      onSubmit={(e) => void save(e)}
      onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), onDone())}
      aria-labelledby="client-form-title"
      data-testid="client-form"
      noValidate
    >
      <h2 id="client-form-title">{client ? t('clientEditTitle', client.name) : t('clientNewTitle')}</h2>
      <div class="grid">
        <Field id="client-name" label={t('clientName')} error={error('name')}>
          <input {...described('client-name', error('name'))} value={form.name} maxLength={120} onInput={(e) => set({ name: e.currentTarget.value })} />
        </Field>
        <Field id="client-color" label={t('clientColor')} error={error('color')}>
          <input {...described('client-color', error('color'))} type="color" value={form.color} onInput={(e) => set({ color: e.currentTarget.value })} />
        </Field>
        <Field id="client-period" label={t('contract')}>
          <select id="client-period" value={form.period} onChange={(e) => set({ period: e.currentTarget.value as Form['period'] })}>
            {(['none', 'day', 'week', 'month'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`contract_${p}` as MessageKey)}
              </option>
            ))}
          </select>
        </Field>
        {form.period !== 'none' && (
          <Field id="client-hours" label={t('contractHours')} error={error('hours')} hint={hoursHint}>
            <input {...described('client-hours', error('hours'), hoursHint)} inputMode="decimal" value={form.hours} onInput={(e) => set({ hours: e.currentTarget.value })} />
          </Field>
        )}
        {(form.period === 'week' || form.period === 'month') && (
          <>
            <label class="check">
              <input type="checkbox" data-testid="client-carry" checked={form.carryOver} onChange={(e) => set({ carryOver: e.currentTarget.checked })} /> {t('contractCarryOver')}
            </label>
            {form.carryOver && (
              <Field id="client-carry-cap" label={t('contractCarryCap')} error={error('carryCapHours')} hint={t('contractCarryHint')}>
                <input
                  {...described('client-carry-cap', error('carryCapHours'), t('contractCarryHint'))}
                  inputMode="decimal"
                  value={form.carryCapHours}
                  onInput={(e) => set({ carryCapHours: e.currentTarget.value })}
                />
              </Field>
            )}
          </>
        )}
        <Field id="client-from" label={t('contractFrom')} error={error('from')} hint={client ? t('contractFromHint') : undefined}>
          <input {...described('client-from', error('from'), client ? t('contractFromHint') : undefined)} type="date" value={form.from} onInput={(e) => set({ from: e.currentTarget.value })} />
        </Field>
        <Field id="client-rate" label={t('hourlyRate')} error={error('hourlyRate')}>
          <input {...described('client-rate', error('hourlyRate'))} inputMode="decimal" value={form.hourlyRate} onInput={(e) => set({ hourlyRate: e.currentTarget.value })} />
        </Field>
        <Field id="client-currency" label={t('currency')} error={error('currency')}>
          <input {...described('client-currency', error('currency'))} value={form.currency} maxLength={3} onInput={(e) => set({ currency: e.currentTarget.value })} />
        </Field>
        <Field id="client-rounding" label={t('rounding')} error={error('roundingMinutes')}>
          <select id="client-rounding" value={form.roundingMinutes} onChange={(e) => set({ roundingMinutes: e.currentTarget.value })}>
            {ROUNDING_CHOICES.map((r) => (
              <option key={r} value={String(r)}>
                {roundingLabel(r)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id="client-details" label={t('clientDetails')} error={error('details')} hint={t('clientDetailsHint')}>
        <textarea
          {...described('client-details', error('details'), t('clientDetailsHint'))}
          rows={4}
          maxLength={MAX_CLIENT_DETAILS}
          value={form.details}
          onInput={(e) => set({ details: e.currentTarget.value })}
        />
      </Field>
      <div class="actions">
        <button type="button" onClick={onDone}>
          {t('cancel')}
        </button>
        <button type="submit" class="primary" data-testid="client-save">
          {t('save')}
        </button>
      </div>
    </form>
  );
}
