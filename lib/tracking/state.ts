import type { IdleState } from './events';
import type { OpenSession } from './session';

export interface TabState {
  windowId: number;
  url: string | null;
  /** Clock reading of the last trusted input (or media play) in this tab while it was the counted one. */
  lastActivity: number | null;
  mediaPlaying: boolean;
  visible: boolean;
}

/**
 * Everything the tracker knows, as plain JSON: checkpointed after every event and restored
 * when the service worker starts again.
 */
export interface TrackerState {
  version: 2;
  /** Clock reading of the last event handled. */
  lastSeen: number | null;
  focusedWindowId: number | null;
  /** windowId → the tab active in it. */
  activeTabs: Record<string, number>;
  tabs: Record<string, TabState>;
  idle: IdleState;
  paused: boolean;
  /** "window:tab" of the focused window's active tab, the only tab whose input counts; null when none. */
  stream: string | null;
  /** When `stream` last changed: input from before it belongs to another situation and never counts. */
  streamSince: number | null;
  open: OpenSession | null;
}

export function initialTrackerState(): TrackerState {
  return {
    version: 2,
    lastSeen: null,
    focusedWindowId: null,
    activeTabs: {},
    tabs: {},
    idle: 'active',
    paused: false,
    stream: null,
    streamSince: null,
    open: null,
  };
}

/**
 * A checkpoint as storage gives it back, or null when it is not one. A version-1 checkpoint
 * (written before the worker was updated) had no stream: the stream it shows starts now.
 */
export function readTrackerState(value: unknown): TrackerState | null {
  if (typeof value !== 'object' || value === null) return null;
  const state = value as Omit<Partial<TrackerState>, 'version'> & { version?: unknown };
  const valid =
    (state.version === 1 || state.version === 2) &&
    typeof state.activeTabs === 'object' &&
    state.activeTabs !== null &&
    typeof state.tabs === 'object' &&
    state.tabs !== null &&
    (state.idle === 'active' || state.idle === 'idle' || state.idle === 'locked') &&
    typeof state.paused === 'boolean';
  if (!valid) return null;
  if (state.version === 2) return state as unknown as TrackerState;
  const { focusedWindowId = null, activeTabs } = state as TrackerState;
  const tabId = focusedWindowId === null ? undefined : activeTabs![focusedWindowId];
  return {
    ...(state as Omit<TrackerState, 'version' | 'stream' | 'streamSince'>),
    version: 2,
    stream: tabId === undefined ? null : `${focusedWindowId}:${tabId}`,
    streamSince: state.lastSeen ?? null,
  };
}
