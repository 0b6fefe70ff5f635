import type { ClientRecord, RateTerm } from '../db/records';
import { isoDate } from '../time/calendar';
import { amountCents, rateCents } from './cents';

/**
 * The hourly rate in force on a local date: the latest rate term starting on or before it,
 * or the client's rate when no term reaches back that far (a client whose rate never
 * changed has no terms). A new rate from a date leaves the amounts of the days before alone.
 */
export function rateOn(client: Pick<ClientRecord, 'hourlyRate' | 'rates'>, date: string): number | null {
  let found: RateTerm | null = null;
  for (const term of client.rates ?? []) if (term.from <= date && (!found || term.from >= found.from)) found = term;
  return found ? found.hourlyRate : (client.hourlyRate ?? null);
}

/**
 * Adds a rate from a date to a client's history. The rate in force before it is kept as a
 * term from the start of time, so the days before the change keep their rate; a term from
 * the same date is replaced, and a rate already in force on that date changes nothing.
 */
export function withRate(client: Pick<ClientRecord, 'hourlyRate' | 'rates'>, from: string, hourlyRate: number | null): RateTerm[] | undefined {
  if (rateOn(client, from) === hourlyRate) return client.rates;
  const history = client.rates ?? (client.hourlyRate == null ? [] : [{ from: FIRST_DAY, hourlyRate: client.hourlyRate }]);
  return [...history.filter((t) => t.from !== from), { from, hourlyRate }].sort((a, b) => a.from.localeCompare(b.from));
}

/** The date from which a client's first rate applies: before any time anyone tracked. */
export const FIRST_DAY = '1970-01-01';

/** Some days' time at one rate, and its amount. */
export interface RatePart {
  rateCents: number;
  ms: number;
  amountCents: number;
}

/**
 * Some days' time grouped by the rate in force each day, in the order the rates first
 * apply, with each group's amount: the time at one rate is summed first and rounded once
 * (the nearest cent, halves up), as on an invoice. Days without a rate are not billed.
 */
export function amountsByRate(client: Pick<ClientRecord, 'hourlyRate' | 'rates'>, days: ReadonlyArray<{ day: number; ms: number }>): RatePart[] {
  const byRate = new Map<number, number>();
  for (const { day, ms } of days) {
    const rate = rateCents(rateOn(client, isoDate(day)));
    if (rate !== null) byRate.set(rate, (byRate.get(rate) ?? 0) + ms);
  }
  return [...byRate].map(([rate, ms]) => ({ rateCents: rate, ms, amountCents: amountCents(ms, rate) }));
}

/** The amount of parts at their rates, in cents; null without any (no day had a rate). */
export function amountOfParts(parts: readonly RatePart[]): number | null {
  return parts.length === 0 ? null : parts.reduce((sum, part) => sum + part.amountCents, 0);
}

/** The amount of some days' time, in cents, each day at the rate in force that day. Null when no day has a rate. */
export function amountOfDays(client: Pick<ClientRecord, 'hourlyRate' | 'rates'>, days: ReadonlyArray<{ day: number; ms: number }>): number | null {
  return amountOfParts(amountsByRate(client, days));
}
