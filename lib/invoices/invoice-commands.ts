import * as v from 'valibot';
import type { SocialHoursDatabase } from '../db/database';
import { PERSONAL_CLIENT_ID, type InvoiceRecord } from '../db/records';
import { clientSessionsOverlapping } from '../db/session-queries';
import type { CommandResponse } from '../messaging/protocol';
import { InvoiceSchema } from '../schema/invoice';
import { dayRange, isoDate, parseIsoDate } from '../time/calendar';
import { activeInvoicesOverlapping } from './locks';

/**
 * Marks a client's period as invoiced, and unlocks it again. Both leave an entry in the
 * history of every session of the period, so a change to billed time is never silent.
 */
export class InvoiceCommands {
  constructor(
    private db: SocialHoursDatabase,
    private newId: () => string,
  ) {}

  /** Only a period that has ended can be invoiced: time still being tracked would land in it. */
  async mark(clientId: string, from: string, to: string, now: number): Promise<CommandResponse> {
    const first = parseIsoDate(from);
    const last = parseIsoDate(to);
    if (first === null || last === null || to < from) return { ok: false, error: 'invalid-period' };
    if (to >= isoDate(now)) return { ok: false, error: 'period-not-ended' };
    return this.db.transaction('rw', [this.db.clients, this.db.invoices, this.db.sessions, this.db.edits], async () => {
      if (clientId === PERSONAL_CLIENT_ID || !(await this.db.clients.get(clientId))) return { ok: false, error: 'unknown-client' };
      // One period is invoiced once.
      if (activeInvoicesOverlapping(await this.db.invoices.where('clientId').equals(clientId).toArray(), clientId, from, to).length > 0) {
        return { ok: false, error: 'already-invoiced' };
      }
      const invoice: InvoiceRecord = v.parse(InvoiceSchema, { id: this.newId(), clientId, from, to, invoicedAt: now, unlockedAt: null });
      await this.db.invoices.put(invoice);
      await this.recordOn(invoice, 'invoiced', now);
      return { ok: true, count: 1 };
    });
  }

  async unlock(invoiceId: string, now: number): Promise<CommandResponse> {
    return this.db.transaction('rw', [this.db.invoices, this.db.sessions, this.db.edits], async () => {
      const invoice = await this.db.invoices.get(invoiceId);
      if (!invoice) return { ok: false, error: 'unknown-invoice' };
      if (invoice.unlockedAt !== null) return { ok: true, count: 0 };
      const unlocked = { ...invoice, unlockedAt: Math.max(now, invoice.invoicedAt) };
      await this.db.invoices.put(unlocked);
      await this.recordOn(unlocked, 'unlocked', now);
      return { ok: true, count: 1 };
    });
  }

  private async recordOn(invoice: InvoiceRecord, action: 'invoiced' | 'unlocked', now: number): Promise<void> {
    const from = parseIsoDate(invoice.from)!;
    const to = dayRange(parseIsoDate(invoice.to)!).to;
    const sessions = await clientSessionsOverlapping(this.db, invoice.clientId, from, to);
    await this.db.edits.put({ id: this.newId(), at: now, action, sessionIds: sessions.map((s) => s.id), before: [], after: [], invoiceId: invoice.id });
  }
}
