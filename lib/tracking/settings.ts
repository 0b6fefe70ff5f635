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
 * The background wakes the tracker every 30 s while a session is open (alarms); even late
 * wake-ups come within this.
 */
export const MAX_OBSERVATION_GAP_MS = 150 * SECOND;

/**
 * A silence longer than both the wake-ups and the allowance means the machine slept or the
 * clock jumped: no time is counted across it. A shorter one is a pause, which the allowance
 * decides.
 */
export function sleepThresholdMs(settings: TrackingSettings): number {
  return Math.max(MAX_OBSERVATION_GAP_MS, settings.readingAllowanceMs);
}

/**
 * A clock that steps back by less than this (a time-sync correction) is taken as standing
 * still; a larger step back is a reset, and nothing is counted across it.
 */
export const SMALL_CLOCK_STEP_BACK_MS = 2 * SECOND;

/** A session never grows past this: sessions stay bounded, so a day's query reads a bounded range. */
export const MAX_SESSION_MS = 12 * HOUR;

/** The reading allowance the settings accept. */
export const READING_ALLOWANCE_RANGE = { min: 15 * SECOND, max: 30 * MINUTE } as const;

/**
 * How long after a change of tab or window its event may be handled (the queue waits on
 * the browser and the database): input in the new tab that much before the recorded change
 * belongs to the new situation, and counts from the change.
 */
export const STREAM_CHANGE_LAG_MS = 1 * SECOND;
