import type { InvoiceRecord, SessionRecord } from '../db/records';
import { isoDate } from '../time/calendar';

/** The invoice that locks a session: an active one of its client whose days it touches. */
export function lockingInvoice(invoices: readonly InvoiceRecord[], session: Pick<SessionRecord, 'clientId' | 'start' | 'end'>): InvoiceRecord | null {
  if (session.clientId === null) return null;
  const first = isoDate(session.start);
  const last = isoDate(session.end - 1);
  return invoices.find((i) => i.unlockedAt === null && i.clientId === session.clientId && i.from <= last && first <= i.to) ?? null;
}

/** Whether a change would touch invoiced time: what it replaces or what it writes. */
export function touchesLocked(invoices: readonly InvoiceRecord[], sessions: readonly Pick<SessionRecord, 'clientId' | 'start' | 'end'>[]): boolean {
  return sessions.some((s) => lockingInvoice(invoices, s) !== null);
}

/** A client's active invoices overlapping these dates, the earliest first: a report's range can reach several. */
export function activeInvoicesOverlapping(invoices: readonly InvoiceRecord[], clientId: string, from: string, to: string): InvoiceRecord[] {
  return invoices.filter((i) => i.unlockedAt === null && i.clientId === clientId && i.from <= to && from <= i.to).sort((a, b) => a.from.localeCompare(b.from));
}
