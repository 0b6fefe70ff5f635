import { carriedIntoRange } from '../contracts/carry-over';
import { periodProgress } from '../contracts/period-progress';
import type { Progress } from '../contracts/progress';
import type { CalendarSettings } from '../contracts/targets';
import { MANUAL_PLATFORM, type ClientRecord, type SessionRecord } from '../db/records';
import { rateCents } from '../money/cents';
import { amountOfParts, amountsByRate, rateOn, type RatePart } from '../money/rates';
import { daysIn, isoDate } from '../time/calendar';
import type { TimeRange } from '../time/local-day';
import { splitByDay } from './day-split';
import { roundUp } from './rounding';

/** A call, a meeting… entered by hand: what the client is told was done away from the platforms. */
export interface ManualItem {
  id: string;
  /** Its start within the range, to the second. */
  start: number;
  /** Its whole seconds within the range, as its CSV rows add up to. */
  ms: number;
  kind: string;
  note: string;
}

export interface ClientReport {
  client: Pick<ClientRecord, 'id' | 'name' | 'color' | 'hourlyRate' | 'currency' | 'roundingMinutes' | 'details'>;
  range: TimeRange;
  /** Every day of the range, with the time spent and the time billed (rounded up by the client's increment). */
  days: Array<{ day: number; ms: number; billedMs: number }>;
  /** Each platform, most time first, and each of its accounts (null: time with no account known). */
  platforms: Array<{ platform: string; ms: number; accounts: Array<{ account: string | null; ms: number }> }>;
  activities: Array<{ activity: string; ms: number }>;
  /** The manual entries, in order of time. */
  manual: ManualItem[];
  totalMs: number;
  billedMs: number;
  /** The time worked, before rounding, against the contract: the rule of the popup and the views. */
  progress: Progress;
  /** The hourly rate in cents when one rate was in force over the whole range; null without a rate or when it changed within the range. */
  rateCents: number | null;
  /** Billed time at the rate in force each day, in cents (the nearest cent, halves up, once per rate), or null without a rate. */
  amountCents: number | null;
  /** The billed time and its amount at each rate, one part unless the rate changed in the range: the amount is their sum. */
  rateParts: RatePart[];
}

function sortedTotals<K extends string>(map: Map<string, number>, key: K): Array<Record<K, string> & { ms: number }> {
  return [...map.entries()].sort((a, b) => b[1] - a[1]).map(([name, ms]) => ({ [key]: name, ms }) as Record<K, string> & { ms: number });
}

/**
 * One client's report over a range. It reads only that client's sessions (the filter comes
 * first), so nothing about another client, nor personal or unassigned time, can reach it.
 * Each day's time is rounded up by the client's increment, and the bill is the sum of the
 * rounded days. `previousUsedMs`, the client's time in the period before, lets a range that
 * is exactly the contract's week or month show what it carried over, as the views do.
 */
export function buildClientReport(
  sessions: readonly SessionRecord[],
  client: ClientRecord,
  range: TimeRange,
  calendar: CalendarSettings,
  previousUsedMs?: number,
): ClientReport {
  const own = sessions.filter((s) => s.clientId === client.id);
  const byDay = new Map<number, number>();
  const byPlatform = new Map<string, number>();
  const byActivity = new Map<string, number>();
  const byAccount = new Map<string, Map<string | null, number>>();
  const manual: ManualItem[] = [];
  for (const session of own) {
    const pieces = splitByDay(session, range);
    for (const piece of pieces) {
      const ms = piece.end - piece.start;
      byDay.set(piece.day, (byDay.get(piece.day) ?? 0) + ms);
      byPlatform.set(session.platform, (byPlatform.get(session.platform) ?? 0) + ms);
      byActivity.set(session.activity, (byActivity.get(session.activity) ?? 0) + ms);
      const accounts = byAccount.get(session.platform) ?? new Map<string | null, number>();
      accounts.set(session.account, (accounts.get(session.account) ?? 0) + ms);
      byAccount.set(session.platform, accounts);
    }
    if (session.platform === MANUAL_PLATFORM && pieces.length > 0) {
      manual.push({ id: session.id, start: pieces[0]!.start, ms: pieces.reduce((sum, p) => sum + p.end - p.start, 0), kind: session.activity, note: session.note ?? '' });
    }
  }
  manual.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  const rounding = client.roundingMinutes ?? 0;
  const days = daysIn(range).map((day) => {
    const ms = byDay.get(day) ?? 0;
    return { day, ms, billedMs: roundUp(ms, rounding) };
  });
  const totalMs = days.reduce((sum, d) => sum + d.ms, 0);
  const billedMs = days.reduce((sum, d) => sum + d.billedMs, 0);
  const parts = amountsByRate(client, days.map((d) => ({ day: d.day, ms: d.billedMs })));
  const rates = new Set(days.map((d) => rateCents(rateOn(client, isoDate(d.day)))));
  const [onlyRate] = rates.size === 1 ? [...rates] : [null];
  return {
    client: {
      id: client.id, name: client.name, color: client.color, hourlyRate: client.hourlyRate ?? null, currency: client.currency ?? 'EUR', roundingMinutes: client.roundingMinutes ?? 0,
      details: client.details ?? '',
    },
    range,
    days,
    platforms: sortedTotals(byPlatform, 'platform').map((p) => ({
      ...p,
      // Time with no account known last, whatever its share.
      accounts: [...byAccount.get(p.platform)!.entries()].sort((a, b) => Number(a[0] === null) - Number(b[0] === null) || b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))).map(([account, ms]) => ({ account, ms })),
    })),
    activities: sortedTotals(byActivity, 'activity'),
    manual,
    totalMs,
    billedMs,
    progress: periodProgress(client, totalMs, range, calendar, carriedIntoRange(client, range, calendar, previousUsedMs)),
    rateCents: onlyRate ?? null,
    amountCents: amountOfParts(parts),
    rateParts: parts,
  };
}
