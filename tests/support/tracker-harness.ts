import { createClassifier } from '../../lib/platforms/classify';
import type { PageContext } from '../../lib/platforms/types';
import type { BrowserView, IdleState, TrackerEvent } from '../../lib/tracking/events';
import type { TrackedSession } from '../../lib/tracking/session';
import { DEFAULT_TRACKING_SETTINGS, type TrackingSettings } from '../../lib/tracking/settings';
import { Tracker, type TrackerDeps } from '../../lib/tracking/tracker';

export const FB_PAGE = 'https://www.facebook.com/boulangerie-dupont';
export const FB_OTHER = 'https://www.facebook.com/fleuriste-martin';
export const IG_PAGE = 'https://www.instagram.com/boulangerie.dupont/';
export const LI_PAGE = 'https://www.linkedin.com/company/acme-conseil/';
export const NOT_TRACKED = 'https://www.example.com/';

/** 2026-11-23 09:00:00 UTC: times in tests are seconds after this. */
export const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

type PageEvent = Extract<TrackerEvent, { type: 'page' }>;

/** A page report as the content script sends it: input as "this long ago", turned into a time on arrival. */
export type PageInput = Omit<PageEvent, 'inputAt'> & { inputAgoMs: number | null };

export interface HarnessOptions {
  settings?: Partial<TrackingSettings>;
  attribute?: TrackerDeps['attribute'];
}

/**
 * Plays events into a tracker at given seconds and keeps every session it produces, the
 * way the background would write them.
 */
export class TrackerHarness {
  tracker: Tracker;
  closed: TrackedSession[] = [];
  now = T0;
  private nextId = 1;

  constructor(private options: HarnessOptions = {}) {
    this.tracker = new Tracker(this.deps());
  }

  deps(): TrackerDeps {
    return {
      settings: { ...DEFAULT_TRACKING_SETTINGS, ...this.options.settings },
      classify: createClassifier(),
      attribute: this.options.attribute ?? (() => null),
      newId: () => `s${this.nextId++}`,
    };
  }

  /** Handles `event` at `seconds` after T0. */
  at(seconds: number, event: TrackerEvent | PageInput): this {
    this.now = T0 + Math.round(seconds * 1000);
    this.closed.push(...this.tracker.handle(arrived(event, this.now), this.now).closed);
    return this;
  }

  /** Simulates a service-worker restart: a new tracker from the last checkpoint. */
  restart(): this {
    this.tracker = new Tracker(this.deps(), this.tracker.snapshot());
    return this;
  }

  /** Closed sessions, then the open one as it stands. */
  sessions(): TrackedSession[] {
    const open = this.tracker.open;
    const all = [...this.closed];
    if (open) {
      const { tabId: _tabId, ...session } = open;
      all.push(session);
    }
    return all;
  }

  totalSeconds(filter: (s: TrackedSession) => boolean = () => true): number {
    return this.sessions().filter(filter).reduce((sum, s) => sum + (s.end - s.start), 0) / 1000;
  }

  byAccount(): Record<string, number> {
    const totals: Record<string, number> = {};
    for (const s of this.sessions()) {
      const key = `${s.platform}:${s.account ?? '-'}`;
      totals[key] = (totals[key] ?? 0) + (s.end - s.start);
    }
    return Object.fromEntries(Object.entries(totals).map(([key, ms]) => [key, ms / 1000]));
  }

  /** Seconds relative to T0, for readable assertions. */
  spans(): Array<[number, number, string]> {
    return this.sessions().map((s) => [(s.start - T0) / 1000, (s.end - T0) / 1000, `${s.platform}:${s.account ?? '-'}`]);
  }
}

function arrived(event: TrackerEvent | PageInput, now: number): TrackerEvent {
  if (!('inputAgoMs' in event)) return event;
  const { inputAgoMs, ...rest } = event;
  return { ...rest, inputAt: inputAgoMs === null ? null : now - inputAgoMs };
}

export const ev = {
  sync(focusedWindowId: number | null, tabs: Array<[tabId: number, windowId: number, url: string]>, idle: IdleState = 'active'): TrackerEvent {
    return {
      type: 'sync',
      focusedWindowId,
      activeTabs: tabs.map(([tabId, windowId, url]) => ({ tabId, windowId, url })),
      idle,
      paused: false,
    };
  },
  activate(tabId: number, windowId: number, url: string | null): TrackerEvent {
    return { type: 'tabActivated', tabId, windowId, url };
  },
  navigate(tabId: number, windowId: number, url: string | null): TrackerEvent {
    return { type: 'tabUpdated', tabId, windowId, url };
  },
  removed(tabId: number): TrackerEvent {
    return { type: 'tabRemoved', tabId };
  },
  /** A focus change: the browser's view with `windowId` focused (null: none), its active tab as the tracker knows it. */
  focus(windowId: number | null): TrackerEvent {
    return { type: 'view', view: { focusedWindowId: windowId, activeTab: null } };
  },
  idle(state: IdleState): TrackerEvent {
    return { type: 'idle', state };
  },
  input(tabId: number, windowId: number, url: string, agoSeconds = 0, extra: Partial<PageInput> = {}): PageInput {
    return { type: 'page', tabId, windowId, url, inputAgoMs: agoSeconds * 1000, visible: true, mediaPlaying: false, ...extra };
  },
  media(tabId: number, windowId: number, url: string, playing: boolean): PageInput {
    return { type: 'page', tabId, windowId, url, inputAgoMs: null, visible: true, mediaPlaying: playing };
  },
  page(tabId: number, windowId: number, url: string, extra: Partial<PageInput>): PageInput {
    return { type: 'page', tabId, windowId, url, inputAgoMs: null, visible: true, mediaPlaying: false, ...extra };
  },
  /** The browser's view read on demand: `windowId` focused (null: none) showing `tab`. */
  view(windowId: number | null, tab?: [tabId: number, url: string | null]): TrackerEvent {
    const view: BrowserView = {
      focusedWindowId: windowId,
      activeTab: windowId !== null && tab ? { tabId: tab[0], windowId, url: tab[1] } : null,
    };
    return { type: 'view', view };
  },
  tick(): TrackerEvent {
    return { type: 'tick' };
  },
  pause(): TrackerEvent {
    return { type: 'pause' };
  },
  resume(): TrackerEvent {
    return { type: 'resume' };
  },
};

export function contextOf(s: TrackedSession): PageContext {
  return { platform: s.platform, account: s.account, activity: s.activity };
}
