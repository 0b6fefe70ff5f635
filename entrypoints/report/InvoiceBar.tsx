import { useState } from 'preact/hooks';
import type { InvoiceRecord } from '../../lib/db/records';
import { request } from '../../lib/ui/background-client';
import { ConfirmDialog } from '../../lib/ui/components/ConfirmDialog';
import { formatDay } from '../../lib/ui/format';
import { t, type MessageKey } from '../../lib/ui/i18n';
import { invoiceText } from '../../lib/ui/invoice-text';

/**
 * Marks the report's period as invoiced, or unlocks it. Invoiced time is locked against
 * edits; unlocking asks first and leaves a trace in every session's history.
 */
export function InvoiceBar({
  clientId,
  from,
  to,
  invoices,
  periodEnded,
  onChanged,
}: {
  clientId: string;
  from: string;
  to: string;
  invoices: readonly InvoiceRecord[];
  periodEnded: boolean;
  onChanged: () => void;
}) {
  // The invoice whose unlock is being confirmed.
  const [confirming, setConfirming] = useState<InvoiceRecord | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const run = async (call: () => Promise<{ ok: boolean; error?: string }>) => {
    setConfirming(null);
    const result = await call().catch(() => ({ ok: false, error: 'failed' }));
    setMessage(result.ok ? null : t(`err_invoice_${(result.error ?? 'failed').replace(/-/g, '_')}` as MessageKey));
    if (result.ok) onChanged();
  };

  return (
    <>
      {invoices.length > 0 ? (
        invoices.map((invoice) => (
          <span key={invoice.id} class="invoice">
            <span data-testid="invoice-state">{invoiceText(invoice, from, to)}</span>{' '}
            <button type="button" onClick={() => setConfirming(invoice)}>
              {t('invoiceUnlock')}
            </button>
          </span>
        ))
      ) : (
        <>
          <button
            type="button"
            disabled={!periodEnded}
            aria-describedby={periodEnded ? undefined : 'invoice-hint'}
            onClick={() => void run(() => request({ type: 'mark-invoiced', clientId, from, to }))}
          >
            {t('invoiceMark')}
          </button>
          {!periodEnded && <span id="invoice-hint">{t('invoiceNotEnded')}</span>}
        </>
      )}
      {message && (
        <span role="alert" class="error">
          {message}
        </span>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('invoiceUnlockTitle')}
          confirmLabel={t('invoiceUnlock')}
          danger
          onCancel={() => setConfirming(null)}
          onConfirm={() => void run(() => request({ type: 'unlock-invoice', id: confirming.id }))}
        >
          <p>{t('invoiceUnlockBody', formatDay(confirming.invoicedAt))}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
