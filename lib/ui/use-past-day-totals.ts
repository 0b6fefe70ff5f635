import { useEffect, useState } from 'preact/hooks';
import type { DayTotalsRecord } from '../db/day-totals';
import type { TimeRange } from '../time/local-day';
import { request } from './background-client';
import { db } from './page-db';
import { useLiveQuery } from './use-live-query';

/**
 * The per-client totals of a range's past days, from the background (which computes the
 * missing ones). Asked again whenever the background drops or adds rows, that is whenever
 * an edit touched one of those days.
 */
export function usePastDayTotals(range: TimeRange): DayTotalsRecord[] | null {
  const stamp = useLiveQuery(() => db.dayTotals.toCollection().primaryKeys(), []);
  const [rows, setRows] = useState<DayTotalsRecord[] | null>(null);
  const version = stamp.status === 'ready' ? stamp.value.join(',') : '';
  useEffect(() => {
    let current = true;
    request<DayTotalsRecord[]>({ type: 'get-day-totals', from: range.from, to: range.to })
      .then((value) => current && setRows(Array.isArray(value) ? value : []))
      .catch(() => current && setRows([]));
    return () => {
      current = false;
    };
  }, [range.from, range.to, version]);
  return rows;
}
