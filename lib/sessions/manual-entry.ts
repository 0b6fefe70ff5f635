import { MAX_NOTE_LENGTH } from '../schema/session';
import { MANUAL_KINDS, MANUAL_PLATFORM, type ManualKind, type SessionRecord } from '../db/records';
import { MINUTE } from '../time/clock';
import { parseIsoDate } from '../time/calendar';
import { MAX_SESSION_MS } from '../tracking/settings';

export interface ManualEntryForm {
  clientId: string;
  kind: string;
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM`, local time. */
  start: string;
  /** `H:MM`, or minutes as a plain number. */
  duration: string;
  note: string;
}

export type ManualEntryProblem =
  | 'client-missing'
  | 'kind-invalid'
  | 'date-invalid'
  | 'start-invalid'
  | 'duration-invalid'
  | 'duration-ambiguous'
  | 'duration-too-long'
  | 'in-future'
  | 'note-too-long';

const HOURS_AND_MINUTES = /^(\d{1,2})\s*[:h]\s*([0-5]\d)$/i;
const WHOLE_HOURS = /^(\d{1,2})\s*h$/i;
const DECIMAL_HOURS = /^(\d{1,2})[.,](\d{1,2})\s*(h?)$/i;
const MINUTES = /^(\d{1,4})\s*(?:min|m)?$/i;

/**
 * Whether a duration reads two ways: `1.30` or `1,45` is an hour and 30 (or 45) minutes to
 * many people, and hundredths of an hour to others. With an `h` (`1.30 h`), or with digits
 * that cannot be minutes (`1.75`), it is decimal hours.
 */
export function isAmbiguousDuration(text: string): boolean {
  const decimal = DECIMAL_HOURS.exec(text.trim());
  return decimal !== null && decimal[3] === '' && decimal[2]!.length === 2 && Number(decimal[2]) < 60;
}

/**
 * A duration as people type it → whole minutes: `1:30`, `1h30` and `1 h 30`; hours alone
 * (`2h`); decimal hours as invoices write them, with a point or a comma (`1.5`, `1,5 h`,
 * `1.75`), to the nearest minute; and minutes (`90`, `45 min`). Null for anything else:
 * `1:75`, and `1.30` (see isAmbiguousDuration). A duration is never guessed.
 */
export function parseDurationMinutes(text: string): number | null {
  const trimmed = text.trim();
  const hm = HOURS_AND_MINUTES.exec(trimmed);
  if (hm) return Number(hm[1]) * 60 + Number(hm[2]);
  const hours = WHOLE_HOURS.exec(trimmed);
  if (hours) return Number(hours[1]) * 60;
  const decimal = DECIMAL_HOURS.exec(trimmed);
  if (decimal && !isAmbiguousDuration(trimmed)) {
    // In hundredths of an hour, so that 1,33 h is 79.8 min exactly before rounding.
    const hundredths = Number(decimal[1]) * 100 + Number(decimal[2]!.padEnd(2, '0'));
    return Math.round((hundredths * 60) / 100);
  }
  const minutes = MINUTES.exec(trimmed);
  return minutes ? Number(minutes[1]) : null;
}

/** A local `HH:MM` on a date → epoch ms (daylight-saving safe), or null. */
export function atLocalTime(dayStart: number, hhmm: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  const date = new Date(dayStart);
  date.setHours(hours, minutes, 0, 0);
  return date.getTime();
}

/** Where an entry would sit once its date, start and duration read: the form shows it before saving. */
export function manualEntrySpan(form: Pick<ManualEntryForm, 'date' | 'start' | 'duration'>): { start: number; end: number } | null {
  const day = parseIsoDate(form.date);
  const start = day === null ? null : atLocalTime(day, form.start);
  const minutes = parseDurationMinutes(form.duration);
  return start === null || minutes === null || minutes <= 0 ? null : { start, end: start + minutes * MINUTE };
}

/** Checks a manual entry and turns it into a session, or says everything that is wrong. */
export function parseManualEntry(
  form: ManualEntryForm,
  now: number,
  id: string,
): { ok: true; session: SessionRecord } | { ok: false; problems: ManualEntryProblem[] } {
  const problems: ManualEntryProblem[] = [];
  if (!form.clientId) problems.push('client-missing');
  if (!MANUAL_KINDS.includes(form.kind as ManualKind)) problems.push('kind-invalid');
  const day = parseIsoDate(form.date);
  if (day === null) problems.push('date-invalid');
  const start = day === null ? null : atLocalTime(day, form.start);
  if (day !== null && start === null) problems.push('start-invalid');
  const minutes = parseDurationMinutes(form.duration);
  if (isAmbiguousDuration(form.duration)) problems.push('duration-ambiguous');
  else if (minutes === null || minutes <= 0) problems.push('duration-invalid');
  else if (minutes * MINUTE > MAX_SESSION_MS) problems.push('duration-too-long');
  if (form.note.length > MAX_NOTE_LENGTH) problems.push('note-too-long');
  if (start !== null && minutes !== null && start + minutes * MINUTE > now + MINUTE) problems.push('in-future');
  if (problems.length > 0 || start === null || minutes === null) return { ok: false, problems };
  const note = form.note.trim();
  return {
    ok: true,
    session: {
      id,
      start,
      end: start + minutes * MINUTE,
      clientId: form.clientId,
      platform: MANUAL_PLATFORM,
      account: null,
      activity: form.kind,
      source: 'manual',
      ...(note ? { note } : {}),
      assignedBy: 'user',
      ruleId: null,
      page: null,
      createdAt: now,
      updatedAt: now,
    },
  };
}
