import type { IdleState } from './events';
import type { OpenSession } from './session';

export interface TabState {
  windowId: number;
  url: string | null;
  /** Clock reading of the last trusted input (or media play) in this tab. */
  lastActivity: number | null;
  mediaPlaying: boolean;
  visible: boolean;
}

/**
 * Everything the tracker knows, as plain JSON: checkpointed after every event and restored
 * when the service worker starts again.
 */
export interface TrackerState {
  version: 1;
  /** Clock reading of the last event handled. */
  lastSeen: number | null;
  focusedWindowId: number | null;
  /** windowId → the tab active in it. */
  activeTabs: Record<string, number>;
  tabs: Record<string, TabState>;
  idle: IdleState;
  paused: boolean;
  open: OpenSession | null;
}

export function initialTrackerState(): TrackerState {
  return {
    version: 1,
    lastSeen: null,
    focusedWindowId: null,
    activeTabs: {},
    tabs: {},
    idle: 'active',
    paused: false,
    open: null,
  };
}

export function isTrackerState(value: unknown): value is TrackerState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<TrackerState>;
  return (
    state.version === 1 &&
    typeof state.activeTabs === 'object' &&
    typeof state.tabs === 'object' &&
    (state.idle === 'active' || state.idle === 'idle' || state.idle === 'locked') &&
    typeof state.paused === 'boolean'
  );
}
