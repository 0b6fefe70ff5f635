import { PERSONAL_CLIENT_ID, type ClientRecord, type SessionRecord } from '../db/records';
import { dayRange } from '../time/calendar';
import type { TimeRange } from '../time/local-day';
import type { TrackedSession } from '../tracking/session';
import { summarize, withLiveSession } from './range-summary';

export interface ClientRow {
  /** null: unassigned time. */
  clientId: string | null;
  name: string | null;
  color: string | null;
  ms: number;
}

/** A platform's time; its name is the interface's to give (manual time has one per language). */
export interface PlatformRow {
  platform: string;
  ms: number;
}

export interface TodayView {
  range: TimeRange;
  total: number;
  clients: ClientRow[];
  platforms: PlatformRow[];
}

type Countable = Pick<SessionRecord, 'id' | 'start' | 'end' | 'clientId' | 'platform'>;

/**
 * Today's figures for the popup: the stored sessions, with the open session at its live
 * extent in place of its last stored copy. Largest first; unassigned last among clients.
 */
export function buildTodayView(
  stored: readonly Countable[],
  live: TrackedSession | null,
  clients: readonly ClientRecord[],
  now: number,
): TodayView {
  const range = dayRange(now);
  const totals = summarize(withLiveSession<Countable>(stored, live), range);
  const byId = new Map(clients.map((c) => [c.id, c]));
  const clientRows: ClientRow[] = [...totals.byClient.entries()].map(([clientId, ms]) => {
    if (clientId === PERSONAL_CLIENT_ID) return { clientId, name: null, color: null, ms };
    const client = clientId === null ? undefined : byId.get(clientId);
    return { clientId: client ? clientId : null, name: client?.name ?? null, color: client?.color ?? null, ms };
  });
  // Time of a deleted client reads as unassigned: merge those rows.
  const merged = new Map<string | null, ClientRow>();
  for (const row of clientRows) {
    const existing = merged.get(row.clientId);
    if (existing) existing.ms += row.ms;
    else merged.set(row.clientId, { ...row });
  }
  const clientList = [...merged.values()].sort((a, b) => {
    if ((a.clientId === null) !== (b.clientId === null)) return a.clientId === null ? 1 : -1;
    return b.ms - a.ms;
  });
  const platforms = [...totals.byPlatform.entries()]
    .map(([platform, ms]) => ({ platform, ms }))
    .sort((a, b) => b.ms - a.ms);
  return { range, total: totals.total, clients: clientList, platforms };
}
