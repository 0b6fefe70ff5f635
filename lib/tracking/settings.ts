import { HOUR, MINUTE, SECOND } from '../time/clock';

export interface TrackingSettings {
  /** A pause in activity shorter than this counts as reading; a longer one ends the session at the last activity. */
  readingAllowanceMs: number;
  /** Whether media playing in the focused tab keeps time engaged without input. */
  countMedia: boolean;
}

export const DEFAULT_TRACKING_SETTINGS: TrackingSettings = {
  readingAllowanceMs: 60 * SECOND,
  countMedia: true,
};

/**
 * The background wakes the tracker at least this often while a session is open (alarms).
 * A longer silence means the machine slept or the clock jumped: no time is counted across it.
 */
export const MAX_OBSERVATION_GAP_MS = 150 * SECOND;

/** A session never grows past this: sessions stay bounded, so a day's query reads a bounded range. */
export const MAX_SESSION_MS = 12 * HOUR;

/** The reading allowance the settings accept. */
export const READING_ALLOWANCE_RANGE = { min: 15 * SECOND, max: 30 * MINUTE } as const;
