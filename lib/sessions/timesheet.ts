import type { SessionRecord } from '../db/records';
import { clipToSeconds, splitByDay } from '../reports/day-split';
import { dayRange } from '../time/calendar';
import type { TimeRange } from '../time/local-day';

export interface ClientSubtotal {
  /** null: unassigned. */
  clientId: string | null;
  ms: number;
}

export interface TimesheetDay {
  /** Local midnight. */
  day: number;
  /** By start. */
  sessions: SessionRecord[];
  ms: number;
  /** Largest first. */
  clients: ClientSubtotal[];
}

/** What a session counts in a range: whole seconds, as the CSV and the reports count it. */
export function countedMs(session: SessionRecord, range: TimeRange): number {
  const clipped = clipToSeconds(session, range);
  return clipped ? clipped.end - clipped.start : 0;
}

/**
 * The sessions of a period by day, with the day's total and its subtotal per client. A
 * session across midnight is listed, and counted whole, on the day it starts in the range:
 * one line per session, and a day's figures are the sum of its lines.
 */
export function timesheetDays(sessions: readonly SessionRecord[], range: TimeRange): TimesheetDay[] {
  const days = new Map<number, TimesheetDay>();
  for (const s of [...sessions].sort((a, b) => a.start - b.start)) {
    const ms = countedMs(s, range);
    const day = splitByDay(s, range)[0]?.day ?? dayRange(s.start).from;
    const entry = days.get(day) ?? { day, sessions: [], ms: 0, clients: [] };
    entry.sessions.push(s);
    entry.ms += ms;
    const subtotal = entry.clients.find((c) => c.clientId === s.clientId);
    if (subtotal) subtotal.ms += ms;
    else entry.clients.push({ clientId: s.clientId, ms });
    days.set(day, entry);
  }
  const list = [...days.values()].sort((a, b) => a.day - b.day);
  for (const d of list) d.clients.sort((a, b) => b.ms - a.ms);
  return list;
}

/** The period's subtotal per client, largest first. */
export function clientTotals(days: readonly TimesheetDay[]): ClientSubtotal[] {
  const totals = new Map<string | null, number>();
  for (const d of days) for (const c of d.clients) totals.set(c.clientId, (totals.get(c.clientId) ?? 0) + c.ms);
  return [...totals].map(([clientId, ms]) => ({ clientId, ms })).sort((a, b) => b.ms - a.ms);
}

/** `ids` added to the selection (`on`) or taken out of it. */
export function withSelected(selected: ReadonlySet<string>, ids: readonly string[], on: boolean): Set<string> {
  const next = new Set(selected);
  for (const id of ids) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** The ids from `anchor` to `target` inclusive, in list order (a shift-click); just `target` when the anchor is no longer listed. */
export function rangeOf(order: readonly string[], anchor: string | null, target: string): string[] {
  const from = anchor === null ? -1 : order.indexOf(anchor);
  const to = order.indexOf(target);
  if (to < 0) return [];
  if (from < 0) return [target];
  return order.slice(Math.min(from, to), Math.max(from, to) + 1);
}

/** How much of a group is selected: for a "select the whole day" box, checked, mixed or empty. */
export function selectionState(selected: ReadonlySet<string>, ids: readonly string[]): 'all' | 'some' | 'none' {
  const count = ids.filter((id) => selected.has(id)).length;
  return count === 0 ? 'none' : count === ids.length ? 'all' : 'some';
}

/** The selection without what is no longer shown (deleted, filtered out, another period): an action never reaches a hidden session. */
export function visibleSelection(selected: ReadonlySet<string>, shown: readonly string[]): Set<string> {
  return new Set(shown.filter((id) => selected.has(id)));
}
