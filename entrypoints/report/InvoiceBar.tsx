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
  invoice,
  periodEnded,
  onChanged,
}: {
  clientId: string;
  from: string;
  to: string;
  invoice: InvoiceRecord | null;
  periodEnded: boolean;
  onChanged: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const run = async (call: () => Promise<{ ok: boolean; error?: string }>) => {
    setConfirming(false);
    const result = await call().catch(() => ({ ok: false, error: 'failed' }));
    setMessage(result.ok ? null : t(`err_invoice_${(result.error ?? 'failed').replace(/-/g, '_')}` as MessageKey));
    if (result.ok) onChanged();
  };

  return (
    <>
      {invoice ? (
        <>
          <span data-testid="invoice-state">{invoiceText(invoice, from, to)}</span>
          <button type="button" onClick={() => setConfirming(true)}>
            {t('invoiceUnlock')}
          </button>
        </>
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
      {confirming && invoice && (
        <ConfirmDialog
          title={t('invoiceUnlockTitle')}
          confirmLabel={t('invoiceUnlock')}
          danger
          onCancel={() => setConfirming(false)}
          onConfirm={() => void run(() => request({ type: 'unlock-invoice', id: invoice.id }))}
        >
          <p>{t('invoiceUnlockBody', formatDay(invoice.invoicedAt))}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
