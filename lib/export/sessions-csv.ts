import Papa from 'papaparse';
import { isoDate } from '../time/calendar';
import type { TimeRange } from '../time/local-day';
import { localIso } from '../time/local-iso';
import { SECOND } from '../time/clock';
import type { SessionRecord } from '../db/records';
import { splitByDay } from '../reports/day-split';
import { neutralizeFormula } from './neutralize';

/**
 * The export contract of DESIGN.md: these columns, in this order, then `seconds`, the exact
 * duration to add up (a sixtieth has no exact decimal, so `minutes` is rounded for reading),
 * then `member`, who recorded the time when devices sync through a shared folder. New
 * columns go at the end, so that spreadsheets reading the first ones keep working.
 */
export const CSV_COLUMNS = ['date', 'start', 'end', 'minutes', 'client', 'platform', 'account', 'activity', 'source', 'note', 'seconds', 'member'] as const;

export type CsvVariant = 'standard' | 'spreadsheet';

export interface CsvOptions {
  variant: CsvVariant;
  /** The name shown in the client column: empty for unassigned time. */
  clientName: (clientId: string | null) => string;
  /** The member who recorded a session; absent when this browser syncs with nobody, and the column is empty. */
  memberName?: (session: SessionRecord) => string;
}

/** Whole seconds in minutes with two decimals, in integers: a sixtieth never ends in a half hundredth, so no tie to break. */
function minutesText(seconds: number): string {
  const hundredths = Math.round((seconds * 100) / 60);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/**
 * One row per session and local day, inside the range, oldest first: a session across
 * midnight gives two rows. Start and end are whole seconds (the day pieces'), so each row
 * lasts exactly from its printed start to its printed end; a piece under a second has no row.
 */
export function sessionRows(sessions: readonly SessionRecord[], range: TimeRange, options: Pick<CsvOptions, 'clientName' | 'memberName'>): string[][] {
  const pieces = sessions.flatMap((s) => splitByDay(s, range)).sort((a, b) => a.start - b.start || a.session.id.localeCompare(b.session.id));
  return pieces.map(({ session, day, start, end }) => [
    isoDate(day),
    localIso(start),
    localIso(end),
    minutesText((end - start) / SECOND),
    neutralizeFormula(options.clientName(session.clientId)),
    neutralizeFormula(session.platform),
    neutralizeFormula(session.account ?? ''),
    neutralizeFormula(session.activity),
    session.source,
    neutralizeFormula(session.note ?? ''),
    String((end - start) / SECOND),
    neutralizeFormula(options.memberName?.(session) ?? ''),
  ]);
}

/**
 * RFC 4180 text: CRLF line ends, fields quoted when they hold a separator, a quote or a
 * line break. The spreadsheet variant (for locales that write `1,5`) separates with `;`,
 * writes decimal commas, and starts with a UTF-8 byte-order mark so accents open right.
 */
export function sessionsCsv(sessions: readonly SessionRecord[], range: TimeRange, options: CsvOptions): string {
  const rows = sessionRows(sessions, range, options);
  const spreadsheet = options.variant === 'spreadsheet';
  const body = Papa.unparse(
    {
      fields: [...CSV_COLUMNS],
      data: spreadsheet ? rows.map((row) => row.map((value, i) => (CSV_COLUMNS[i] === 'minutes' ? value.replace('.', ',') : value))) : rows,
    },
    { delimiter: spreadsheet ? ';' : ',', newline: '\r\n', escapeFormulae: false },
  );
  // Every record ends with CRLF, the last one too (Papa already ends a header-only file so).
  return `${spreadsheet ? '\uFEFF' : ''}${body.endsWith('\r\n') ? body : `${body}\r\n`}`;
}
