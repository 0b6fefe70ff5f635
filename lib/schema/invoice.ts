import * as v from 'valibot';
import type { InvoiceRecord } from '../db/records';
import { CalendarDate, Id, Time } from './primitives';
import { schemaOf } from './schema-of';

export const InvoiceSchema = schemaOf<InvoiceRecord>()(
  v.pipe(
    v.object({
      id: Id,
      clientId: Id,
      from: CalendarDate,
      to: CalendarDate,
      invoicedAt: Time,
      unlockedAt: v.nullable(Time),
    }),
    v.check((i) => i.from <= i.to, 'to-before-from'),
    v.check((i) => i.unlockedAt === null || i.unlockedAt >= i.invoicedAt, 'unlocked-before-invoiced'),
  ),
);
