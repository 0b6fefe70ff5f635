import { browser } from 'wxt/browser';
import type { TrackingService } from '../../lib/background/tracking-service';
import { calendarFromSettings } from '../../lib/contracts/calendar';
import { periodProgress } from '../../lib/contracts/period-progress';
import type { CalendarSettings } from '../../lib/contracts/targets';
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
import { MINUTE } from '../../lib/time/clock';

type Countable = Pick<SessionRecord, 'id' | 'start' | 'end' | 'clientId'>;

const ANNOUNCED_KEY = 'announcedThresholds';
const CHECK_ALERTS_EVERY_MS = 60_000;

/**
 * The toolbar badge (today's time for the client being tracked, or the day's total,
 * coloured by that client's contract) and the 80 % / 100 % notifications. Refreshed a
 * moment after the tracker changes, never more than once a second, and only when what it
 * shows can have changed: another client or session, an edit of stored time, another day,
 * or the next whole minute of the time shown. The browser is told only what differs.
 */
export class BadgeController {
  private pending: ReturnType<typeof setTimeout> | null = null;
  private lastAlertCheck = 0;
  /** What the last refresh was computed from, and until when its text holds. */
  private basis: { key: string; settings: Settings; clients: ClientRecord[]; validUntil: number } | null = null;
  /** What the browser shows, as far as this worker knows (nothing yet: a new worker sets all of it once). */
  private shown: { text: string | null; color: string | null; title: string | null } = { text: null, color: null, title: null };

  constructor(
    private db: SocialHoursDatabase,
    private service: Promise<TrackingService>,
    private state: () => { settings: Settings; clients: ClientRecord[] },
  ) {}

  /** `edited`: stored time changed (a command, not the tracker's own writes): recompute whatever the rest says. */
  schedule(edited = false): void {
    if (edited) this.basis = null;
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
    const calendar = calendarFromSettings(settings);
    const live = status.kind === 'tracking' ? status.session : null;
    const today = dayRange(now);
    const trackedId = timer?.clientId ?? live?.clientId ?? override?.clientId ?? null;
    // The stored sessions change under the badge only when a session closes (another live id), an edit happens, or the day turns.
    const key = `${trackedId}|${live?.id ?? ''}|${today.from}`;
    const basis = this.basis;
    if (basis && basis.key === key && basis.settings === settings && basis.clients === clients && now < basis.validUntil) return;
    const client = clients.find((c) => c.id === trackedId && trackedId !== PERSONAL_CLIENT_ID && !c.archived);
    const sessions = withLiveSession<Countable>(await sessionsOverlapping(this.db, today.from, today.to), live);
    // With a live session the time shown grows: the text holds until its next whole minute (and the alert check runs once a minute).
    // (The title shows seconds in the first minute: then every 10 s, as often as a page reports.)
    const holdUntil = (shownMs: number) => (live ? now + (shownMs < MINUTE ? 10_000 : MINUTE - (shownMs % MINUTE)) : Math.min(today.to, now + 10 * MINUTE));

    if (client) {
      const used = usedMs(sessions, client.id, today);
      this.basis = { key, settings, clients, validUntil: holdUntil(used) };
      const state = periodProgress(client, used, today, calendar).state;
      const title = t(state === 'day-off' ? 'badgeClientTitleDayOff' : 'badgeClientTitle', client.name, formatDuration(used));
      await this.show(badgeText(used), BADGE_COLORS[state], title);
      if (settings.contractNotifications && now - this.lastAlertCheck >= CHECK_ALERTS_EVERY_MS) {
        this.lastAlertCheck = now;
        await this.announce(client, calendar, now, live);
      }
    } else {
      const total = sessions.filter((s) => s.clientId !== PERSONAL_CLIENT_ID).reduce((sum, s) => sum + Math.min(s.end, today.to) - Math.max(s.start, today.from), 0);
      this.basis = { key, settings, clients, validUntil: holdUntil(total) };
      await this.show(total > 0 ? badgeText(total) : '', BADGE_COLORS.none, t('badgeTotalTitle', formatDuration(total)));
    }
  }

  private async show(text: string, color: string, title: string): Promise<void> {
    const full = `${t('extName')}: ${title}`;
    if (text !== this.shown.text) await browser.action.setBadgeText({ text });
    if (color !== this.shown.color) await browser.action.setBadgeBackgroundColor({ color });
    if (full !== this.shown.title) await browser.action.setTitle({ title: full });
    this.shown = { text, color, title: full };
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
