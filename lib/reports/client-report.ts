import { carriedIntoRange } from '../contracts/carry-over';
import { periodProgress } from '../contracts/period-progress';
import type { Progress } from '../contracts/progress';
import type { CalendarSettings } from '../contracts/targets';
import type { ClientRecord, SessionRecord } from '../db/records';
import { amountCents, rateCents } from '../money/cents';
import { daysIn } from '../time/calendar';
import type { TimeRange } from '../time/local-day';
import { splitByDay } from './day-split';
import { roundUp } from './rounding';

export interface ClientReport {
  client: Pick<ClientRecord, 'id' | 'name' | 'color' | 'hourlyRate' | 'currency' | 'roundingMinutes'>;
  range: TimeRange;
  /** Every day of the range, with the time spent and the time billed (rounded up by the client's increment). */
  days: Array<{ day: number; ms: number; billedMs: number }>;
  platforms: Array<{ platform: string; ms: number }>;
  activities: Array<{ activity: string; ms: number }>;
  totalMs: number;
  billedMs: number;
  /** The time worked, before rounding, against the contract: the rule of the popup and the views. */
  progress: Progress;
  /** The hourly rate in cents, or null without a rate. */
  rateCents: number | null;
  /** Billed time at the hourly rate, in cents (the nearest cent, halves up), or null without a rate. */
  amountCents: number | null;
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
  for (const session of own) {
    for (const piece of splitByDay(session, range)) {
      const ms = piece.end - piece.start;
      byDay.set(piece.day, (byDay.get(piece.day) ?? 0) + ms);
      byPlatform.set(session.platform, (byPlatform.get(session.platform) ?? 0) + ms);
      byActivity.set(session.activity, (byActivity.get(session.activity) ?? 0) + ms);
    }
  }
  const rounding = client.roundingMinutes ?? 0;
  const days = daysIn(range).map((day) => {
    const ms = byDay.get(day) ?? 0;
    return { day, ms, billedMs: roundUp(ms, rounding) };
  });
  const totalMs = days.reduce((sum, d) => sum + d.ms, 0);
  const billedMs = days.reduce((sum, d) => sum + d.billedMs, 0);
  const rate = rateCents(client.hourlyRate);
  return {
    client: { id: client.id, name: client.name, color: client.color, hourlyRate: client.hourlyRate ?? null, currency: client.currency ?? 'EUR', roundingMinutes: client.roundingMinutes ?? 0 },
    range,
    days,
    platforms: sortedTotals(byPlatform, 'platform'),
    activities: sortedTotals(byActivity, 'activity'),
    totalMs,
    billedMs,
    progress: periodProgress(client, totalMs, range, calendar, carriedIntoRange(client, range, calendar, previousUsedMs)),
    rateCents: rate,
    amountCents: rate === null ? null : amountCents(billedMs, rate),
  };
}
