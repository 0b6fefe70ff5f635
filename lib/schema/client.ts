import * as v from 'valibot';
import { PERSONAL_CLIENT_ID, ROUNDING_CHOICES, type ClientRecord, type ContractPeriod, type ContractTerm } from '../db/records';
import { CalendarDate, CleanText, Id, Time } from './primitives';
import { schemaOf } from './schema-of';

/** Most hours a period can hold: a day has 24, a week 168, the longest month 744. */
export const MAX_CONTRACT_HOURS: Record<ContractPeriod, number> = { day: 24, week: 24 * 7, month: 24 * 31 };

/** Longest client details: a contact and an address, a few lines. */
export const MAX_CLIENT_DETAILS = 1000;

/** Most an hourly rate can be, in the client's currency. */
export const MAX_HOURLY_RATE = 100_000;

export const TermSchema = schemaOf<ContractTerm>()(
  v.pipe(
    v.object({
      from: CalendarDate,
      period: v.picklist(['none', 'day', 'week', 'month']),
      hours: v.pipe(v.number(), v.finite(), v.minValue(0)),
      carryOver: v.optional(v.object({ enabled: v.boolean(), capMinutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_CONTRACT_HOURS.month * 60)) })),
    }),
    v.check((t) => t.period === 'none' || t.hours <= MAX_CONTRACT_HOURS[t.period], 'hours-over-period'),
  ),
);

export const ClientSchema = schemaOf<ClientRecord>()(
  v.object({
    id: v.pipe(Id, v.check((id) => id !== PERSONAL_CLIENT_ID, 'reserved-id')),
    name: v.pipe(CleanText(80), v.minLength(1)),
    color: v.pipe(v.string(), v.hexColor()),
    archived: v.boolean(),
    createdAt: Time,
    updatedAt: v.optional(Time),
    contracts: v.optional(v.array(TermSchema)),
    hourlyRate: v.optional(v.nullable(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(MAX_HOURLY_RATE)))),
    rates: v.optional(
      v.array(
        v.object({
          from: CalendarDate,
          hourlyRate: v.nullable(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(MAX_HOURLY_RATE))),
        }),
      ),
    ),
    currency: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/))),
    roundingMinutes: v.optional(v.picklist(ROUNDING_CHOICES)),
    details: v.optional(CleanText(MAX_CLIENT_DETAILS)),
  }),
);
