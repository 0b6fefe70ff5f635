import type { ClientRecord, ContractTerm } from '../db/records';
import { MINUTE } from '../time/clock';
import { isoDate } from '../time/calendar';
import type { TimeRange } from '../time/local-day';
import { contractPeriodRange, targetMs, termOn, type CalendarSettings } from './targets';

export interface CarryPeriods {
  term: ContractTerm;
  /** The contract period that contains the moment asked about. */
  range: TimeRange;
  /** The period before it, whose unused time can be carried. */
  previous: TimeRange;
}

/**
 * The contract period containing `at` and the one before, when the term in force carries
 * over and was already in force on the first day of the previous period ("under the same
 * term": a new or changed contract starts with nothing carried). Weekly and monthly
 * contracts only: a daily one has no period worth carrying into. null otherwise.
 */
export function carryPeriods(client: Pick<ClientRecord, 'contracts'>, at: number, calendar: CalendarSettings): CarryPeriods | null {
  const term = termOn(client.contracts, isoDate(at));
  if (!term?.carryOver?.enabled || (term.period !== 'week' && term.period !== 'month')) return null;
  const range = contractPeriodRange(term.period, at, calendar);
  const previous = contractPeriodRange(term.period, range.from - 1, calendar);
  return term.from <= isoDate(previous.from) ? { term, range, previous } : null;
}

/**
 * Time carried into the contract period containing `at`: the previous period's unused time
 * (its own target minus `previousUsedMs`, which the caller reads), in whole minutes rounded
 * down, never negative, at most the cap. One period back only: the previous period's own
 * target, not what it carried itself, so unused time never snowballs over several periods.
 */
export function carriedMs(client: Pick<ClientRecord, 'contracts'>, at: number, calendar: CalendarSettings, previousUsedMs: number): number {
  const periods = carryPeriods(client, at, calendar);
  if (!periods) return 0;
  const unusedMinutes = Math.floor(((targetMs(client, periods.previous, calendar) ?? 0) - previousUsedMs) / MINUTE);
  return Math.max(0, Math.min(periods.term.carryOver!.capMinutes, unusedMinutes)) * MINUTE;
}

/**
 * What a client carries into a range: something only when the range is exactly its
 * contract's period and the time used in the period before is known.
 */
export function carriedIntoRange(client: Pick<ClientRecord, 'contracts'>, range: TimeRange, calendar: CalendarSettings, previousUsedMs: number | undefined): number {
  const periods = previousUsedMs === undefined ? null : carryPeriods(client, range.from, calendar);
  if (!periods || periods.range.from !== range.from || periods.range.to !== range.to) return 0;
  return carriedMs(client, range.from, calendar, previousUsedMs!);
}
