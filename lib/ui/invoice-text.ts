import type { InvoiceRecord } from '../db/records';
import { parseIsoDate } from '../time/calendar';
import { formatDay } from './format';
import { t } from './i18n';

export type InvoiceNote = Pick<InvoiceRecord, 'from' | 'to' | 'invoicedAt'>;

/**
 * What a report says of an invoice that overlaps its dates: "Invoiced on …" when the invoice
 * covers every day of it; otherwise which of its days were, so that a report reaching past
 * an invoiced period never passes the rest off as invoiced.
 */
export function invoiceText(invoice: InvoiceNote, from: string, to: string): string {
  if (invoice.from <= from && invoice.to >= to) return t('invoicedOn', formatDay(invoice.invoicedAt));
  const first = invoice.from > from ? invoice.from : from;
  const last = invoice.to < to ? invoice.to : to;
  return t('invoicedPartOn', formatDay(parseIsoDate(first)!), formatDay(parseIsoDate(last)!), formatDay(invoice.invoicedAt));
}
