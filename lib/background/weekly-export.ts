import { addWeeks } from 'date-fns';
import { calendarFromSettings } from '../contracts/calendar';
import type { SocialHoursDatabase } from '../db/database';
import { PERSONAL_CLIENT_ID, type ClientRecord } from '../db/records';
import { usedInPeriodBefore } from '../db/previous-period';
import { sessionsOverlapping } from '../db/session-queries';
import { rangeLabel, safeFilePart } from '../export/file-names';
import { lastCompleteWeek } from '../export/last-week';
import { sessionsCsv } from '../export/sessions-csv';
import { buildClientReport, type ClientReport } from '../reports/client-report';
import type { Settings } from '../settings/settings';
import { isoDate, weekRange } from '../time/calendar';
import type { TimeRange } from '../time/local-day';

export interface ExportFile {
  /** Path under the downloads folder. */
  name: string;
  mime: string;
  content: string;
}

/** At most this many missed weeks are caught up at once, oldest first. */
const MAX_CATCH_UP_WEEKS = 8;

/** The complete weeks not exported yet, oldest first: the last one, plus those missed while the browser was closed. */
export function weeksToExport(lastExportedWeekStart: string | null, now: number, settings: Pick<Settings, 'weekStartsOn'>): TimeRange[] {
  const last = lastCompleteWeek(now, settings.weekStartsOn);
  if (lastExportedWeekStart === null) return [last];
  const weeks: TimeRange[] = [];
  for (let week = last; isoDate(week.from) > lastExportedWeekStart && weeks.length < MAX_CATCH_UP_WEEKS; ) {
    weeks.unshift(week);
    week = weekRange(addWeeks(week.from, -1).getTime(), settings.weekStartsOn);
  }
  return weeks;
}

/**
 * A week's files, as the settings ask: the sessions CSV of all clients, and/or one report
 * per client who had time that week (each report built from that client's sessions alone).
 */
export async function weeklyFiles(
  db: SocialHoursDatabase,
  week: TimeRange,
  settings: Settings,
  render: (report: ClientReport) => string,
  names: { personal: string },
): Promise<ExportFile[]> {
  const sessions = await sessionsOverlapping(db, week.from, week.to);
  const clients: ClientRecord[] = await db.clients.toArray();
  const byId = new Map(clients.map((c) => [c.id, c]));
  const folder = `Social Hours/${rangeLabel(week)}`;
  const files: ExportFile[] = [];
  if (settings.weeklyExportContent !== 'reports') {
    const csv = sessionsCsv(sessions, week, {
      variant: 'standard',
      clientName: (id) => (id === null ? '' : id === PERSONAL_CLIENT_ID ? names.personal : (byId.get(id)?.name ?? '')),
    });
    files.push({ name: `${folder}/social-hours_all_${rangeLabel(week)}.csv`, mime: 'text/csv', content: csv });
  }
  if (settings.weeklyExportContent !== 'csv') {
    const calendar = calendarFromSettings(settings);
    const withTime = new Set(sessions.map((s) => s.clientId));
    for (const client of clients.filter((c) => withTime.has(c.id))) {
      const report = buildClientReport(sessions, client, week, calendar, await usedInPeriodBefore(db, client, week, calendar));
      files.push({ name: `${folder}/${safeFilePart(client.name)}_${rangeLabel(week)}.html`, mime: 'text/html', content: render(report) });
    }
  }
  return files;
}
