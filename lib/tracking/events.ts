export type IdleState = 'active' | 'idle' | 'locked';

export interface TabSnapshot {
  tabId: number;
  windowId: number;
  /** The tab's URL, or null when the browser shows none: a page on a site the extension may not read. */
  url: string | null;
}

/**
 * The browser's own answer, read on demand, to "which window has the focus, and which tab
 * does it show?". Events can be missing or wrong (on Linux, Chromium sends none when
 * another application takes the focus); this read is right.
 */
export interface BrowserView {
  focusedWindowId: number | null;
  /** The active tab of the focused window. */
  activeTab: TabSnapshot | null;
}

/**
 * Everything the tracker is told. The background turns browser events into these; tests
 * write them by hand. Times are not part of the events (but for the time of an input,
 * which happened before the report that carries it): the tracker is given the clock
 * reading with each one.
 */
export type TrackerEvent =
  /** The whole picture at start-up or after a restart: which window has focus, what each shows. */
  | {
      type: 'sync';
      focusedWindowId: number | null;
      activeTabs: readonly TabSnapshot[];
      idle: IdleState;
      paused: boolean;
    }
  | { type: 'tabActivated'; tabId: number; windowId: number; url: string | null }
  | { type: 'tabUpdated'; tabId: number; windowId: number; url: string | null }
  | { type: 'tabRemoved'; tabId: number }
  | { type: 'idle'; state: IdleState }
  /** The browser's view, read when a window's focus changed or may have changed without an event. */
  | { type: 'view'; view: BrowserView }
  /** From the content script of a tab: its state, and when trusted input last happened there. */
  | {
      type: 'page';
      tabId: number;
      windowId: number;
      url: string;
      /** Clock reading (whole ms) of the last trusted input the report tells of, or null when it tells of none. */
      inputAt: number | null;
      visible: boolean;
      mediaPlaying: boolean;
      /** The browser's view when the report arrived. */
      view?: BrowserView;
    }
  | { type: 'pause' }
  | { type: 'resume' }
  /** A periodic wake-up: lets a lapsed session end without any other event. */
  | { type: 'tick'; view?: BrowserView }
  /** Ends the open session now and, if still engaged, starts a new one: lets the user edit all time up to now. */
  | { type: 'cut' };
