import { carriedIntoRange } from '../contracts/carry-over';
import { periodProgress } from '../contracts/period-progress';
import type { Progress } from '../contracts/progress';
import { targetMs, type CalendarSettings } from '../contracts/targets';
import type { ClientRecord, SessionRecord } from '../db/records';
import { PERSONAL_CLIENT_ID } from '../db/records';
import { daysIn } from '../time/calendar';
import type { TimeRange } from '../time/local-day';
import { splitByDay } from './day-split';
import { roundUp } from './rounding';
import { amountOfDays } from '../money/rates';
import { overlapMs } from './range-summary';

/** A bucket of time: a client's id, `personal`, or null for unassigned. */
export type Bucket = string | null;

export interface PeriodDay {
  day: number;
  total: number;
  /** Time per bucket that day, in the order of `PeriodView.buckets`. */
  byBucket: Map<Bucket, number>;
}

export interface BucketTotal {
  bucket: Bucket;
  client: ClientRecord | null;
  ms: number;
  /** Against the contract over the period; null for unassigned and personal time. */
  progress: Progress | null;
  /** A client's billed time (each day rounded up by its increment), as its report bills it; 0 for the others. */
  billedMs: number;
  /** The billed time at the rate in force each day, in cents, as its report says; null without a rate. */
  amountCents: number | null;
}

export interface PeriodView {
  range: TimeRange;
  days: PeriodDay[];
  /** Clients by time spent, then personal, then unassigned; clients with a contract but no time are listed too. */
  buckets: BucketTotal[];
  platforms: Array<{ platform: string; ms: number }>;
  activities: Array<{ activity: string; ms: number }>;
  /** Time by the synced device that recorded it ('' for time recorded here and not yet published): members' totals add these up. */
  recorders: Array<{ recordedBy: string; ms: number }>;
  total: number;
}

const add = <K>(map: Map<K, number>, key: K, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);

/** Each client's time within a range: what `buildPeriodView` needs of the period before for carry-over. */
export function usedByClient(sessions: ReadonlyArray<Pick<SessionRecord, 'start' | 'end' | 'clientId'>>, range: TimeRange): Map<string, number> {
  const used = new Map<string, number>();
  for (const s of sessions) if (s.clientId !== null) add(used, s.clientId, overlapMs(s, range));
  return used;
}

/**
 * A week or a month: each day's time stacked by client, totals by client against the
 * contract (with what it carried over from the week or month before, when its time there
 * is given), by platform and by activity.
 */
export function buildPeriodView(
  sessions: readonly SessionRecord[],
  clients: readonly ClientRecord[],
  range: TimeRange,
  calendar: CalendarSettings,
  previousUsedMs?: ReadonlyMap<string, number>,
): PeriodView {
  const byClientId = new Map(clients.map((c) => [c.id, c]));
  const bucketOf = (s: SessionRecord): Bucket => (s.clientId === null || s.clientId === PERSONAL_CLIENT_ID || byClientId.has(s.clientId) ? s.clientId : null);
  const dayTotals = new Map<number, Map<Bucket, number>>();
  const bucketTotals = new Map<Bucket, number>();
  const platforms = new Map<string, number>();
  const activities = new Map<string, number>();
  const recorders = new Map<string, number>();
  for (const session of sessions) {
    const bucket = bucketOf(session);
    for (const piece of splitByDay(session, range)) {
      const ms = piece.end - piece.start;
      const day = dayTotals.get(piece.day) ?? new Map<Bucket, number>();
      add(day, bucket, ms);
      dayTotals.set(piece.day, day);
      add(bucketTotals, bucket, ms);
      add(platforms, session.platform, ms);
      add(activities, session.activity, ms);
      add(recorders, session.recordedBy ?? '', ms);
    }
  }
  for (const client of clients) {
    if (!client.archived && !bucketTotals.has(client.id) && targetMs(client, range, calendar) !== null) bucketTotals.set(client.id, 0);
  }
  const rank = (b: Bucket) => (b === null ? 2 : b === PERSONAL_CLIENT_ID ? 1 : 0);
  const buckets = [...bucketTotals.entries()]
    .map(([bucket, ms]): BucketTotal => {
      const client = bucket === null ? null : (byClientId.get(bucket) ?? null);
      if (!client) return { bucket, client, ms, progress: null, billedMs: 0, amountCents: null };
      const billed = [...dayTotals.entries()].map(([day, byBucket]) => ({ day, ms: roundUp(byBucket.get(bucket) ?? 0, client.roundingMinutes ?? 0) }));
      return {
        bucket,
        client,
        ms,
        progress: periodProgress(client, ms, range, calendar, carriedIntoRange(client, range, calendar, previousUsedMs ? (previousUsedMs.get(client.id) ?? 0) : undefined)),
        billedMs: billed.reduce((sum, d) => sum + d.ms, 0),
        amountCents: amountOfDays(client, billed),
      };
    })
    .sort((a, b) => rank(a.bucket) - rank(b.bucket) || b.ms - a.ms || (a.client?.name ?? '').localeCompare(b.client?.name ?? ''));
  const sorted = <K extends string>(map: Map<string, number>, key: K) =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).map(([name, ms]) => ({ [key]: name, ms }) as Record<K, string> & { ms: number });
  return {
    range,
    days: daysIn(range).map((day) => {
      const byBucket = dayTotals.get(day) ?? new Map<Bucket, number>();
      return { day, byBucket, total: [...byBucket.values()].reduce((a, b) => a + b, 0) };
    }),
    buckets,
    platforms: sorted(platforms, 'platform'),
    activities: sorted(activities, 'activity'),
    recorders: sorted(recorders, 'recordedBy'),
    total: [...bucketTotals.values()].reduce((a, b) => a + b, 0),
  };
}
