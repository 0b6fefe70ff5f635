import { browser } from 'wxt/browser';
import type { TrackingService } from '../../lib/background/tracking-service';
import { progress } from '../../lib/contracts/progress';
import { targetMs, type CalendarSettings } from '../../lib/contracts/targets';
import type { SocialHoursDatabase } from '../../lib/db/database';
import { PERSONAL_CLIENT_ID, type ClientRecord, type SessionRecord } from '../../lib/db/records';
import { clientSessionsOverlapping, sessionsOverlapping } from '../../lib/db/session-queries';
import { BADGE_COLORS, badgeText } from '../../lib/reports/badge';
import { cockpitRange, contractAlerts, usedMs } from '../../lib/reports/cockpit';
import { withLiveSession } from '../../lib/reports/range-summary';
import type { Settings } from '../../lib/settings/settings';
import { dayRange } from '../../lib/time/calendar';
import { formatDuration } from '../../lib/ui/format';
import { t } from '../../lib/ui/i18n';

type Countable = Pick<SessionRecord, 'id' | 'start' | 'end' | 'clientId'>;

const ANNOUNCED_KEY = 'announcedThresholds';
const CHECK_ALERTS_EVERY_MS = 60_000;

/**
 * The toolbar badge (today's time for the client being tracked, or the day's total,
 * coloured by that client's contract) and the 80 % / 100 % notifications. Refreshed a
 * moment after the tracker changes, never more than once a second.
 */
export class BadgeController {
  private pending: ReturnType<typeof setTimeout> | null = null;
  private lastAlertCheck = 0;

  constructor(
    private db: SocialHoursDatabase,
    private service: Promise<TrackingService>,
    private state: () => { settings: Settings; clients: ClientRecord[] },
  ) {}

  schedule(): void {
    if (this.pending !== null) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      this.refresh().catch((error: unknown) => console.error('[social-hours] badge', error));
    }, 1000);
  }

  async refresh(): Promise<void> {
    const service = await this.service;
    const { status, now, override, timer } = service.peek();
    const { settings, clients } = this.state();
    const calendar: CalendarSettings = { workingDays: settings.workingDays, weekStartsOn: settings.weekStartsOn };
    const live = status.kind === 'tracking' ? status.session : null;
    const today = dayRange(now);
    const sessions = withLiveSession<Countable>(await sessionsOverlapping(this.db, today.from, today.to), live);
    const trackedId = timer?.clientId ?? live?.clientId ?? override?.clientId ?? null;
    const client = clients.find((c) => c.id === trackedId && trackedId !== PERSONAL_CLIENT_ID && !c.archived);

    if (client) {
      const used = usedMs(sessions, client.id, today);
      const state = progress(used, targetMs(client, today, calendar)).state;
      await this.show(badgeText(used), BADGE_COLORS[state], t('badgeClientTitle', client.name, formatDuration(used)));
      if (settings.contractNotifications && now - this.lastAlertCheck >= CHECK_ALERTS_EVERY_MS) {
        this.lastAlertCheck = now;
        await this.announce(client, calendar, now, live);
      }
    } else {
      const total = sessions.filter((s) => s.clientId !== PERSONAL_CLIENT_ID).reduce((sum, s) => sum + Math.min(s.end, today.to) - Math.max(s.start, today.from), 0);
      await this.show(total > 0 ? badgeText(total) : '', BADGE_COLORS.none, t('badgeTotalTitle', formatDuration(total)));
    }
  }

  private async show(text: string, color: string, title: string): Promise<void> {
    await browser.action.setBadgeText({ text });
    await browser.action.setBadgeBackgroundColor({ color });
    await browser.action.setTitle({ title: `${t('extName')}: ${title}` });
  }

  private async announce(client: ClientRecord, calendar: CalendarSettings, now: number, live: Countable | null): Promise<void> {
    const range = cockpitRange(now, calendar);
    const sessions = withLiveSession<Countable>(await clientSessionsOverlapping(this.db, client.id, range.from, range.to), live);
    const stored = (await browser.storage.local.get(ANNOUNCED_KEY))[ANNOUNCED_KEY];
    const announced = new Set<string>(Array.isArray(stored) ? stored : []);
    const alerts = contractAlerts(client, sessions, calendar, now, announced);
    for (const alert of alerts) {
      await browser.notifications.create(alert.key, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: t(alert.threshold === 100 ? 'notifyFullTitle' : 'notifyNearTitle', client.name),
        message: t('notifyMessage', String(Math.round(alert.share * 100))),
      });
      announced.add(alert.key);
    }
    // Keep the last few hundred: enough to cover every client's current periods.
    if (alerts.length > 0) await browser.storage.local.set({ [ANNOUNCED_KEY]: [...announced].slice(-500) });
  }
}
