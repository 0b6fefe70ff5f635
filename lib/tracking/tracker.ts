import type { Attribution } from '../attribution/attribute';
import { pageOf } from '../attribution/attribute';
import type { PageContext } from '../platforms/types';
import type { OpenSession, TrackedSession } from './session';
import type { BrowserView, TrackerEvent } from './events';
import { MAX_SESSION_MS, SMALL_CLOCK_STEP_BACK_MS, STREAM_CHANGE_LAG_MS, sleepThresholdMs, type TrackingSettings } from './settings';
import { initialTrackerState, type TabState, type TrackerState } from './state';
import type { TrackingStatus } from './status';

export interface TrackerDeps {
  settings: TrackingSettings;
  /** Reads the platform, account and activity from a URL; null when the page is not tracked. */
  classify: (url: string | undefined) => PageContext | null;
  /** Which client a context belongs to, and why; null when nothing sends it to a client. */
  attribute: (context: PageContext, url: string, now: number) => Attribution | null;
  newId: () => string;
}

export interface TrackerOutput {
  /** Sessions that ended with this event, to be written as they are. */
  closed: TrackedSession[];
  /** Sessions that ended with no engaged time at all: any copy written while open must go. */
  discarded: string[];
}

interface Stream {
  tabId: number;
  tab: TabState;
  context: PageContext;
  attribution: Attribution | null;
}

function sameTarget(a: TrackedSession, b: Stream): boolean {
  return (
    a.platform === b.context.platform &&
    a.account === b.context.account &&
    a.activity === b.context.activity &&
    a.clientId === (b.attribution?.clientId ?? null)
  );
}

/**
 * The tracking rules (see DESIGN.md, "Tracking semantics"), as a state machine. Each event
 * is handled at a clock reading given by the caller; nothing here reads the time or calls a
 * browser API, so whole days play in milliseconds in tests.
 *
 * At most one session is open: the focused window's active tab (the stream), when it is a
 * tracked page, not paused, visible, and engaged (recent trusted input, or media playing
 * when that counts). Which tab is the stream comes from the browser (its events and its
 * view read on demand), never from a page: a page's report only says when the user acted
 * there, and counts only for input after its tab became the stream.
 */
export class Tracker {
  private state: TrackerState;
  private output: TrackerOutput = { closed: [], discarded: [] };

  constructor(
    private deps: TrackerDeps,
    state: TrackerState = initialTrackerState(),
  ) {
    this.state = structuredClone(state);
  }

  snapshot(): TrackerState {
    return structuredClone(this.state);
  }

  get open(): OpenSession | null {
    return this.state.open ? { ...this.state.open } : null;
  }

  get paused(): boolean {
    return this.state.paused;
  }

  configure(settings: TrackingSettings): void {
    this.deps = { ...this.deps, settings };
  }

  /** Rules or the catalogue changed: later evaluations use the new functions. */
  setResolvers(resolvers: Pick<TrackerDeps, 'classify' | 'attribute'>): void {
    this.deps = { ...this.deps, ...resolvers };
  }

  handle(event: TrackerEvent, reading: number): TrackerOutput {
    this.output = { closed: [], discarded: [] };
    const now = this.guardClock(reading);
    if (event.type === 'page' && event.inputAt !== null) {
      const at = Math.round(Math.min(event.inputAt, now));
      // The silence before the input is judged at the input's time: longer than the allowance,
      // the session ended at the activity before it, even when no event came during it.
      if (this.state.open && at > this.state.open.start) this.closeIfLapsed(at);
      // Input happened before its report arrived: it extends engagement before the lapse of the allowance is judged.
      this.noteInput(event.tabId, at);
    }
    this.settle(now);
    this.apply(event, now);
    const changed = this.followStream(now);
    // The browser's view, read as this report arrived, shows its tab as the counted one although
    // the events had said otherwise: the input it carries is the first in that tab, now.
    if (changed && event.type === 'page' && event.inputAt !== null) this.noteInput(event.tabId, now);
    this.reconcile(now);
    this.state.lastSeen = now;
    return this.output;
  }

  status(now: number): TrackingStatus {
    const s = this.state;
    if (s.paused) return { kind: 'paused' };
    if (s.idle === 'locked') return { kind: 'locked' };
    if (s.focusedWindowId === null) return { kind: 'not-focused' };
    const stream = this.currentStream(now);
    if (!stream) return { kind: 'not-tracked' };
    if (s.open && s.open.tabId === stream.tabId && this.engagedEnd(stream.tab, now) === now) {
      const { tabId: _tabId, ...session } = s.open;
      return { kind: 'tracking', session: { ...session, end: now } };
    }
    if (s.idle === 'idle') return { kind: 'idle', context: stream.context };
    return { kind: 'waiting', context: stream.context };
  }

  /**
   * The reading the tracker works with. A small step back is taken as the clock standing
   * still. A large one, or a silence longer than the wake-ups and the allowance (the machine
   * slept), counts nothing across it.
   */
  private guardClock(reading: number): number {
    const { lastSeen } = this.state;
    if (lastSeen === null) return reading;
    if (reading < lastSeen && lastSeen - reading < SMALL_CLOCK_STEP_BACK_MS) return lastSeen;
    const backwards = reading < lastSeen;
    const asleep = reading - lastSeen > sleepThresholdMs(this.deps.settings);
    if (!backwards && !asleep) return reading;
    if (asleep) {
      this.settle(lastSeen);
      // The silence is longer than the allowance: the user left at their last activity.
      const open = this.state.open;
      const last = open ? this.state.tabs[open.tabId]?.lastActivity : null;
      if (last != null) this.backDate(last);
    }
    this.close();
    for (const tab of Object.values(this.state.tabs)) tab.lastActivity = null;
    if (this.state.stream !== null) this.state.streamSince = reading;
    return reading;
  }

  /**
   * Trusted input in a tab: evidence of engagement only in the stream, and only since it
   * became the stream. The stream's change is dated when its event is handled, a moment
   * after the change itself: input in that tab just before counts from the change.
   */
  private noteInput(tabId: number, at: number): void {
    const s = this.state;
    const tab = s.tabs[tabId];
    if (!tab || s.stream !== streamKey(s.focusedWindowId, tabId, s.activeTabs)) return;
    const since = s.streamSince ?? at;
    if (at < since - STREAM_CHANGE_LAG_MS) return;
    if (s.idle === 'idle') s.idle = 'active';
    const counted = Math.max(at, since);
    tab.lastActivity = Math.max(tab.lastActivity ?? counted, counted);
  }

  /**
   * Ends the open session where engagement lapsed, if it lapsed by `at`. True when no session
   * is open after: the caller extends one that is still engaged.
   */
  private closeIfLapsed(at: number): boolean {
    const open = this.state.open;
    if (!open) return true;
    const tab = this.state.tabs[open.tabId];
    if (!tab) {
      this.close();
      return true;
    }
    if (this.mediaEngaged(tab)) tab.lastActivity = at;
    const end = this.engagedEnd(tab, at);
    if (end === at) return false;
    this.backDate(end);
    this.close();
    return true;
  }

  /** Brings the open session up to `now`, ending it where engagement lapsed. */
  private settle(now: number): void {
    if (this.closeIfLapsed(now)) return;
    const open = this.state.open!;
    open.end = now;
    if (open.end - open.start >= MAX_SESSION_MS) {
      const cut = open.start + MAX_SESSION_MS;
      const rest = { ...open, id: this.deps.newId(), start: cut };
      open.end = cut;
      this.close();
      this.state.open = rest;
    }
  }

  /** Pulls the open session's end back to where engagement really stopped (never before its start). */
  private backDate(end: number | null): void {
    const open = this.state.open;
    if (open && end !== null && end < open.end) open.end = Math.max(end, open.start);
  }

  private close(): void {
    const open = this.state.open;
    this.state.open = null;
    if (!open) return;
    if (open.end <= open.start) {
      this.output.discarded.push(open.id);
      return;
    }
    const { tabId: _tabId, ...session } = open;
    this.output.closed.push(session);
  }

  private tab(tabId: number, windowId: number): TabState {
    const key = String(tabId);
    let tab = this.state.tabs[key];
    if (!tab) {
      tab = { windowId, url: null, lastActivity: null, mediaPlaying: false, visible: true };
      this.state.tabs[key] = tab;
    }
    tab.windowId = windowId;
    return tab;
  }

  private apply(event: TrackerEvent, now: number): void {
    const s = this.state;
    switch (event.type) {
      case 'sync': {
        s.focusedWindowId = event.focusedWindowId;
        s.idle = event.idle;
        s.paused = event.paused;
        s.activeTabs = {};
        for (const snapshot of event.activeTabs) {
          s.activeTabs[snapshot.windowId] = snapshot.tabId;
          this.tab(snapshot.tabId, snapshot.windowId).url = snapshot.url;
        }
        break;
      }
      case 'tabActivated': {
        s.activeTabs[event.windowId] = event.tabId;
        const tab = this.tab(event.tabId, event.windowId);
        tab.url = event.url;
        // Choosing a tab is an act of the user: the reading allowance starts there.
        tab.lastActivity = now;
        break;
      }
      case 'tabUpdated':
        // A page may change its own URL (autoplay, infinite scroll): that is not activity.
        this.tab(event.tabId, event.windowId).url = event.url;
        break;
      case 'tabRemoved': {
        delete s.tabs[event.tabId];
        for (const [windowId, tabId] of Object.entries(s.activeTabs)) {
          if (tabId === event.tabId) delete s.activeTabs[windowId];
        }
        break;
      }
      case 'idle':
        s.idle = event.state;
        break;
      case 'view':
        this.applyView(event.view);
        break;
      case 'page': {
        if (event.view) this.applyView(event.view);
        const tab = this.tab(event.tabId, event.windowId);
        tab.url = event.url;
        tab.visible = event.visible;
        if (tab.mediaPlaying && !event.mediaPlaying && this.isStreamTab(event.tabId)) {
          tab.lastActivity = Math.max(tab.lastActivity ?? now, now);
        }
        tab.mediaPlaying = event.mediaPlaying;
        break;
      }
      case 'pause':
        s.paused = true;
        break;
      case 'resume':
        s.paused = false;
        break;
      case 'tick':
        if (event.view) this.applyView(event.view);
        break;
      case 'cut':
        this.close();
        break;
    }
  }

  /** Coming to a window is not yet acting in it: its time starts with the first input. */
  private applyView(view: BrowserView): void {
    const s = this.state;
    s.focusedWindowId = view.focusedWindowId;
    if (view.activeTab) {
      s.activeTabs[view.activeTab.windowId] = view.activeTab.tabId;
      this.tab(view.activeTab.tabId, view.activeTab.windowId).url = view.activeTab.url;
    }
  }

  /**
   * When the stream changes (another tab, another window, focus gone or back), the new
   * stream starts from nothing: only an activation (set at this very reading) or later
   * input makes it engaged, so nothing from before, and no report still in flight, counts.
   */
  private followStream(now: number): boolean {
    const s = this.state;
    const tabId = s.focusedWindowId === null ? undefined : s.activeTabs[s.focusedWindowId];
    const key = tabId === undefined ? null : streamKey(s.focusedWindowId, tabId, s.activeTabs);
    if (key === s.stream) return false;
    s.stream = key;
    s.streamSince = now;
    const tab = tabId === undefined ? undefined : s.tabs[tabId];
    if (tab && tab.lastActivity !== null && tab.lastActivity < now) tab.lastActivity = null;
    return true;
  }

  /** Closes the open session unless it still is the engaged stream; opens one on the engaged stream. */
  private reconcile(now: number): void {
    const s = this.state;
    const stream = this.currentStream(now);
    const engaged = stream !== null && this.engagedEnd(stream.tab, now) === now;
    const open = s.open;
    if (open) {
      if (engaged && open.tabId === stream.tabId && sameTarget(open, stream)) return;
      const openTab = s.tabs[open.tabId];
      if (openTab && stream?.tabId === open.tabId) {
        // Same tab, engagement lost with this event (idle, locked): back-date to the last activity.
        this.backDate(this.engagedEnd(openTab, now));
      }
      this.close();
    }
    if (engaged) {
      s.open = {
        id: this.deps.newId(),
        tabId: stream.tabId,
        start: now,
        end: now,
        ...stream.context,
        clientId: stream.attribution?.clientId ?? null,
        assignedBy: stream.attribution?.assignedBy ?? null,
        ruleId: stream.attribution?.ruleId ?? null,
        page: pageOf(stream.tab.url),
      };
    }
  }

  private isStreamTab(tabId: number): boolean {
    const { focusedWindowId, activeTabs, stream } = this.state;
    return stream !== null && stream === streamKey(focusedWindowId, tabId, activeTabs);
  }

  private currentStream(now: number): Stream | null {
    const s = this.state;
    if (s.paused || s.focusedWindowId === null) return null;
    const tabId = s.activeTabs[s.focusedWindowId];
    if (tabId === undefined) return null;
    const tab = s.tabs[tabId];
    if (!tab || !tab.url || !tab.visible) return null;
    const context = this.deps.classify(tab.url);
    if (!context) return null;
    return { tabId, tab, context, attribution: this.deps.attribute(context, tab.url, now) };
  }

  private mediaEngaged(tab: TabState): boolean {
    return this.deps.settings.countMedia && tab.mediaPlaying && tab.visible && this.state.idle !== 'locked';
  }

  /**
   * Where the engaged stretch of this tab ends, seen at `now`: `now` itself while engaged,
   * the last activity once the pause reached the allowance or the system went idle, null
   * when the tab never had activity.
   */
  private engagedEnd(tab: TabState, now: number): number | null {
    if (this.mediaEngaged(tab)) return now;
    const last = tab.lastActivity;
    if (last === null) return null;
    if (this.state.idle !== 'active') return last;
    return now - last < this.deps.settings.readingAllowanceMs ? now : last;
  }
}

/** The stream's key when `tabId` is the active tab of the focused window, else null. */
function streamKey(focusedWindowId: number | null, tabId: number, activeTabs: Record<string, number>): string | null {
  return focusedWindowId !== null && activeTabs[focusedWindowId] === tabId ? `${focusedWindowId}:${tabId}` : null;
}
