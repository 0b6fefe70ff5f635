import { PLATFORM_IDS } from '../platforms/catalogue';
import { DEFAULT_TRACKING_SETTINGS, READING_ALLOWANCE_RANGE, type TrackingSettings } from '../tracking/settings';

/** What the user sets. Kept in extension storage (`storage.local`, key `settings`). */
export interface Settings {
  readingAllowanceSeconds: number;
  countMedia: boolean;
  disabledPlatforms: string[];
  mastodonServers: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  readingAllowanceSeconds: DEFAULT_TRACKING_SETTINGS.readingAllowanceMs / 1000,
  countMedia: DEFAULT_TRACKING_SETTINGS.countMedia,
  disabledPlatforms: [],
  mastodonServers: [],
};

export type SettingsProblem =
  | { field: 'readingAllowanceSeconds'; problem: 'out-of-range'; min: number; max: number }
  | { field: 'disabledPlatforms'; problem: 'unknown-platform'; value: string }
  | { field: 'mastodonServers'; problem: 'not-a-host'; value: string }
  | { field: 'countMedia'; problem: 'not-a-boolean' };

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function normalizeHost(input: string): string {
  return input.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '').replace(/\.$/, '');
}

/** Everything wrong with a settings candidate; empty when it can be saved. */
export function validateSettings(candidate: Settings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const min = READING_ALLOWANCE_RANGE.min / 1000;
  const max = READING_ALLOWANCE_RANGE.max / 1000;
  const allowance = candidate.readingAllowanceSeconds;
  if (typeof allowance !== 'number' || !Number.isFinite(allowance) || allowance < min || allowance > max) {
    problems.push({ field: 'readingAllowanceSeconds', problem: 'out-of-range', min, max });
  }
  if (typeof candidate.countMedia !== 'boolean') problems.push({ field: 'countMedia', problem: 'not-a-boolean' });
  for (const id of candidate.disabledPlatforms) {
    if (!PLATFORM_IDS.includes(id as never)) problems.push({ field: 'disabledPlatforms', problem: 'unknown-platform', value: id });
  }
  for (const host of candidate.mastodonServers) {
    if (!HOSTNAME.test(host)) problems.push({ field: 'mastodonServers', problem: 'not-a-host', value: host });
  }
  return problems;
}

/**
 * Settings as read from storage: anything missing or invalid falls back to its default, so
 * a damaged or older stored value never stops tracking.
 */
export function readSettings(stored: unknown): Settings {
  const raw = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Settings>;
  const merged: Settings = {
    readingAllowanceSeconds: raw.readingAllowanceSeconds ?? DEFAULT_SETTINGS.readingAllowanceSeconds,
    countMedia: raw.countMedia ?? DEFAULT_SETTINGS.countMedia,
    disabledPlatforms: Array.isArray(raw.disabledPlatforms) ? raw.disabledPlatforms.filter((p) => typeof p === 'string') : [],
    mastodonServers: Array.isArray(raw.mastodonServers) ? raw.mastodonServers.filter((h) => typeof h === 'string') : [],
  };
  const problems = validateSettings(merged);
  for (const problem of problems) {
    if (problem.field === 'readingAllowanceSeconds') merged.readingAllowanceSeconds = DEFAULT_SETTINGS.readingAllowanceSeconds;
    if (problem.field === 'countMedia') merged.countMedia = DEFAULT_SETTINGS.countMedia;
    if (problem.field === 'disabledPlatforms') merged.disabledPlatforms = merged.disabledPlatforms.filter((p) => p !== problem.value);
    if (problem.field === 'mastodonServers') merged.mastodonServers = merged.mastodonServers.filter((h) => h !== problem.value);
  }
  return merged;
}

export function trackingSettings(settings: Settings): TrackingSettings {
  return { readingAllowanceMs: settings.readingAllowanceSeconds * 1000, countMedia: settings.countMedia };
}
