import { render } from 'preact-render-to-string';
import { browser } from 'wxt/browser';
import { weeklyFiles, weeksToExport, type ExportFile } from '../../lib/background/weekly-export';
import type { SocialHoursDatabase } from '../../lib/db/database';
import type { ClientReport } from '../../lib/reports/client-report';
import type { Settings } from '../../lib/settings/settings';
import { isoDate, parseIsoDate, weekRange } from '../../lib/time/calendar';
import type { Clock } from '../../lib/time/clock';
import { formatDay } from '../../lib/ui/format';
import { currentLanguage, t } from '../../lib/ui/i18n';
import { ClientReportView } from '../../lib/ui/reports/ClientReportView';
import { platformLabel } from '../../lib/ui/labels';

const STATE_KEY = 'weeklyExportDone';
const CHECK_ALARM = 'weekly-export-check';
const NOTIFICATION_PREFIX = 'weekly-export:';

function reportDocument(report: ClientReport, settings: Settings, now: number): string {
  const body = render(
    <ClientReportView
      report={report}
      options={{
        showAmount: settings.reportShowAmount,
        platformLabel: (p) => platformLabel(p, settings.customSites),
        generatedAt: now,
        timeFormat: settings.reportTimeFormat,
        sender: settings.reportSender,
      }}
    />,
  );
  const title = t('reportTitle', report.client.name).replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'));
  return `<!doctype html><html lang="${currentLanguage()}"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

/**
 * Chrome's service worker has no URL.createObjectURL, so downloads go there as data: URLs;
 * Firefox's event page has it, and its downloads API prefers blob: URLs.
 */
function downloadUrl(file: ExportFile): string {
  if (typeof URL.createObjectURL === 'function') return URL.createObjectURL(new Blob([file.content], { type: `${file.mime};charset=utf-8` }));
  const bytes = new TextEncoder().encode(file.content);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${file.mime};charset=utf-8;base64,${btoa(binary)}`;
}

/**
 * Saves last week's export at the start of each week (or offers it in a notification),
 * when the user switched it on. A week missed while the browser was closed is caught up at
 * the next start, once: the last week done is remembered.
 */
export class WeeklyExport {
  constructor(
    private db: SocialHoursDatabase,
    private clock: Clock,
    private settings: () => Settings,
  ) {}

  listen(): void {
    void browser.alarms.create(CHECK_ALARM, { periodInMinutes: 60 });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === CHECK_ALARM) void this.check();
    });
    browser.notifications.onClicked.addListener((id) => {
      if (!id.startsWith(NOTIFICATION_PREFIX)) return;
      const from = parseIsoDate(id.slice(NOTIFICATION_PREFIX.length));
      if (from !== null) void this.download(weekRange(from, this.settings().weekStartsOn));
      void browser.notifications.clear(id);
    });
  }

  async check(): Promise<void> {
    const settings = this.settings();
    if (settings.weeklyExport === 'off') return;
    const done = (await browser.storage.local.get(STATE_KEY))[STATE_KEY];
    const weeks = weeksToExport(typeof done === 'string' ? done : null, this.clock(), settings);
    for (const week of weeks) {
      if (settings.weeklyExport === 'download') await this.download(week);
      else {
        await browser.notifications.create(`${NOTIFICATION_PREFIX}${isoDate(week.from)}`, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: t('weeklyNotifyTitle'),
          message: t('weeklyNotifyMessage', formatDay(week.from), formatDay(week.to - 1)),
        });
      }
      await browser.storage.local.set({ [STATE_KEY]: isoDate(week.from) });
    }
  }

  private async download(week: { from: number; to: number }): Promise<void> {
    const settings = this.settings();
    const now = this.clock();
    const files = await weeklyFiles(this.db, week, settings, (report) => reportDocument(report, settings, now), { personal: t('personalCsv') });
    for (const file of files) {
      await browser.downloads.download({ url: downloadUrl(file), filename: file.name, conflictAction: 'uniquify', saveAs: false });
    }
  }
}
