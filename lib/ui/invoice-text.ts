import type { InvoiceRecord } from '../db/records';
import { parseIsoDate } from '../time/calendar';
import { formatDay } from './format';
import { t } from './i18n';

export type InvoiceNote = Pick<InvoiceRecord, 'from' | 'to' | 'invoicedAt'>;

/**
 * What a report says of the invoice that overlaps its dates: "Invoiced on …" only when the
 * invoice covers every day of it; otherwise which days were, so that a report reaching past
 * the invoiced period never passes the rest off as invoiced.
 */
export function invoiceText(invoice: InvoiceNote, from: string, to: string): string {
  if (invoice.from <= from && invoice.to >= to) return t('invoicedOn', formatDay(invoice.invoicedAt));
  return t('invoicedPartOn', formatDay(parseIsoDate(invoice.from)!), formatDay(parseIsoDate(invoice.to)!), formatDay(invoice.invoicedAt));
}
