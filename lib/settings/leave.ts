import { parseIsoDate } from '../time/calendar';
import { MAX_LEAVE_RANGES, type LeaveRange } from './settings';

export type LeaveProblem = 'leave-date-invalid' | 'leave-end-before-start' | 'leave-duplicate' | 'leave-too-many';

/** Adds a range of days off as typed (an empty end: one day), keeping the list in date order. */
export function addLeave(leave: readonly LeaveRange[], from: string, to: string): { ok: true; leave: LeaveRange[] } | { ok: false; code: LeaveProblem } {
  const end = to === '' ? from : to;
  if (parseIsoDate(from) === null || parseIsoDate(end) === null) return { ok: false, code: 'leave-date-invalid' };
  if (end < from) return { ok: false, code: 'leave-end-before-start' };
  if (leave.some((r) => r.from === from && r.to === end)) return { ok: false, code: 'leave-duplicate' };
  if (leave.length >= MAX_LEAVE_RANGES) return { ok: false, code: 'leave-too-many' };
  return { ok: true, leave: [...leave, { from, to: end }].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)) };
}
