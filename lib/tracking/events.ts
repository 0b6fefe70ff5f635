export type IdleState = 'active' | 'idle' | 'locked';

export interface TabSnapshot {
  tabId: number;
  windowId: number;
  url?: string;
}

/**
 * Everything the tracker is told. The background turns browser events into these; tests
 * write them by hand. Times are not part of the events: the tracker is given the clock
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
  | { type: 'tabActivated'; tabId: number; windowId: number; url?: string }
  | { type: 'tabUpdated'; tabId: number; windowId: number; url?: string }
  | { type: 'tabRemoved'; tabId: number }
  /** `null` is WINDOW_ID_NONE: no browser window has focus. */
  | { type: 'windowFocus'; windowId: number | null }
  | { type: 'idle'; state: IdleState }
  /** From the content script of a tab: its state, and how long ago trusted input last happened there. */
  | {
      type: 'page';
      tabId: number;
      windowId: number;
      url: string;
      /** Milliseconds since the last trusted input, or null when the message reports no input. */
      inputAgoMs: number | null;
      /** `document.hasFocus()`: input only counts in the page that has the focus. */
      hasFocus: boolean;
      visible: boolean;
      mediaPlaying: boolean;
    }
  | { type: 'pause' }
  | { type: 'resume' }
  /** A periodic wake-up: lets a lapsed session end without any other event. */
  | { type: 'tick' }
  /** Ends the open session now and, if still engaged, starts a new one: lets the user edit all time up to now. */
  | { type: 'cut' };
