import { PLATFORM_IDS } from '../platforms/catalogue';
import { REPORT_TIME_FORMATS, type ReportTimeFormat } from '../reports/time-format';
import { isHolidayCountry, isRegionCode, type HolidayCountry } from './holiday-countries';
import { compileAccountPattern, isHostname, type CustomSite } from '../sites/custom-site';
import { MONDAY_TO_FRIDAY, parseIsoDate, type Weekday } from '../time/calendar';
import { DEFAULT_TRACKING_SETTINGS, READING_ALLOWANCE_RANGE, type TrackingSettings } from '../tracking/settings';

export type LanguageChoice = 'auto' | 'en' | 'fr';

/** Days away, `YYYY-MM-DD`, both included. */
export interface LeaveRange {
  from: string;
  to: string;
}

/** More would be years of holidays: the list stays small enough to check on every day. */
export const MAX_LEAVE_RANGES = 200;

/** What the user sets. Kept in extension storage (`storage.local`, key `settings`). */
export interface Settings {
  readingAllowanceSeconds: number;
  countMedia: boolean;
  disabledPlatforms: string[];
  mastodonServers: string[];
  customSites: CustomSite[];
  workingDays: Weekday[];
  weekStartsOn: Weekday;
  /** Whose public holidays are days off, taken out of the contracts' daily shares. */
  holidayCountry: HolidayCountry;
  /** A region of that country with holidays of its own (Moselle, Bavaria…); '' for the country's. */
  holidayRegion: string;
  /** The user's own days off. */
  leave: LeaveRange[];
  /** After an absence at least this long, the popup offers to log the time away. */
  awayPromptMinutes: number;
  language: LanguageChoice;
  /** Notify when a client reaches 80 % and 100 % of the period's contract. */
  contractNotifications: boolean;
  /** At the start of each week: save last week's export, offer it in a notification, or nothing. */
  weeklyExport: WeeklyExportMode;
  weeklyExportContent: WeeklyExportContent;
  /** Whether client reports show the amount at the hourly rate. */
  reportShowAmount: boolean;
  /** How client reports write durations: hours and minutes, or decimal hours. */
  reportTimeFormat: ReportTimeFormat;
  /** Who prepares the reports (name or business, address, email, SIRET or VAT id…), as typed: printed at their top. */
  reportSender: string;
}

/** Longest sender block: a few lines of name and address. */
export const MAX_SENDER_LENGTH = 1000;

export const WEEKLY_EXPORT_MODES = ['off', 'download', 'notify'] as const;
export type WeeklyExportMode = (typeof WEEKLY_EXPORT_MODES)[number];
export const WEEKLY_EXPORT_CONTENTS = ['csv', 'reports', 'both'] as const;
export type WeeklyExportContent = (typeof WEEKLY_EXPORT_CONTENTS)[number];

export const DEFAULT_SETTINGS: Settings = {
  readingAllowanceSeconds: DEFAULT_TRACKING_SETTINGS.readingAllowanceMs / 1000,
  countMedia: DEFAULT_TRACKING_SETTINGS.countMedia,
  disabledPlatforms: [],
  mastodonServers: [],
  customSites: [],
  workingDays: [...MONDAY_TO_FRIDAY],
  weekStartsOn: 1,
  holidayCountry: 'FR',
  holidayRegion: '',
  leave: [],
  awayPromptMinutes: 10,
  language: 'auto',
  contractNotifications: true,
  weeklyExport: 'off',
  weeklyExportContent: 'both',
  reportShowAmount: false,
  reportTimeFormat: 'hm',
  reportSender: '',
};

export const AWAY_PROMPT_RANGE = { min: 2, max: 240 } as const;

export type SettingsField = keyof Settings;

export interface SettingsProblem {
  field: SettingsField;
  code:
    | 'out-of-range'
    | 'not-a-boolean'
    | 'unknown-platform'
    | 'not-a-host'
    | 'bad-site'
    | 'no-working-day'
    | 'not-a-weekday'
    | 'unknown-language'
    | 'unknown-choice'
    | 'bad-leave'
    | 'bad-text';
  value?: string;
}

const isWeekday = (d: unknown): d is Weekday => Number.isInteger(d) && (d as number) >= 0 && (d as number) <= 6;

function validLeave(range: unknown): range is LeaveRange {
  if (typeof range !== 'object' || range === null) return false;
  const { from, to } = range as LeaveRange;
  return typeof from === 'string' && typeof to === 'string' && parseIsoDate(from) !== null && parseIsoDate(to) !== null && from <= to;
}

function validSite(site: unknown): site is CustomSite {
  if (typeof site !== 'object' || site === null) return false;
  const s = site as CustomSite;
  if (typeof s.name !== 'string' || !s.name.trim() || typeof s.host !== 'string' || !isHostname(s.host)) return false;
  if (s.id !== `site:${s.host}`) return false;
  if (s.accountPattern !== null) {
    if (typeof s.accountPattern !== 'string' || !s.accountPattern.includes('{account}')) return false;
    try {
      compileAccountPattern(s.accountPattern);
    } catch {
      return false;
    }
  }
  return true;
}

/** Everything wrong with a settings candidate; empty when it can be saved. */
export function validateSettings(candidate: Settings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const min = READING_ALLOWANCE_RANGE.min / 1000;
  const max = READING_ALLOWANCE_RANGE.max / 1000;
  const allowance = candidate.readingAllowanceSeconds;
  if (typeof allowance !== 'number' || !Number.isFinite(allowance) || allowance < min || allowance > max) {
    problems.push({ field: 'readingAllowanceSeconds', code: 'out-of-range' });
  }
  if (typeof candidate.countMedia !== 'boolean') problems.push({ field: 'countMedia', code: 'not-a-boolean' });
  if (typeof candidate.contractNotifications !== 'boolean') problems.push({ field: 'contractNotifications', code: 'not-a-boolean' });
  for (const id of candidate.disabledPlatforms) {
    if (!PLATFORM_IDS.includes(id as never)) problems.push({ field: 'disabledPlatforms', code: 'unknown-platform', value: String(id) });
  }
  for (const host of candidate.mastodonServers) {
    if (typeof host !== 'string' || !isHostname(host)) problems.push({ field: 'mastodonServers', code: 'not-a-host', value: String(host) });
  }
  for (const site of candidate.customSites) {
    if (!validSite(site)) problems.push({ field: 'customSites', code: 'bad-site', value: JSON.stringify(site).slice(0, 80) });
  }
  if (!Array.isArray(candidate.workingDays) || candidate.workingDays.some((d) => !isWeekday(d))) {
    problems.push({ field: 'workingDays', code: 'not-a-weekday' });
  } else if (candidate.workingDays.length === 0) {
    problems.push({ field: 'workingDays', code: 'no-working-day' });
  }
  if (!isWeekday(candidate.weekStartsOn)) problems.push({ field: 'weekStartsOn', code: 'not-a-weekday' });
  if (!isHolidayCountry(candidate.holidayCountry)) problems.push({ field: 'holidayCountry', code: 'unknown-choice' });
  if (!isRegionCode(candidate.holidayRegion) || (candidate.holidayCountry === 'none' && candidate.holidayRegion !== '')) {
    problems.push({ field: 'holidayRegion', code: 'unknown-choice' });
  }
  if (!Array.isArray(candidate.leave) || candidate.leave.length > MAX_LEAVE_RANGES) problems.push({ field: 'leave', code: 'bad-leave' });
  else for (const range of candidate.leave) if (!validLeave(range)) problems.push({ field: 'leave', code: 'bad-leave', value: JSON.stringify(range)?.slice(0, 80) });
  const away = candidate.awayPromptMinutes;
  if (typeof away !== 'number' || !Number.isFinite(away) || away < AWAY_PROMPT_RANGE.min || away > AWAY_PROMPT_RANGE.max) {
    problems.push({ field: 'awayPromptMinutes', code: 'out-of-range' });
  }
  if (!['auto', 'en', 'fr'].includes(candidate.language)) problems.push({ field: 'language', code: 'unknown-language' });
  if (!WEEKLY_EXPORT_MODES.includes(candidate.weeklyExport)) problems.push({ field: 'weeklyExport', code: 'unknown-choice' });
  if (!WEEKLY_EXPORT_CONTENTS.includes(candidate.weeklyExportContent)) problems.push({ field: 'weeklyExportContent', code: 'unknown-choice' });
  if (typeof candidate.reportShowAmount !== 'boolean') problems.push({ field: 'reportShowAmount', code: 'not-a-boolean' });
  if (!REPORT_TIME_FORMATS.includes(candidate.reportTimeFormat)) problems.push({ field: 'reportTimeFormat', code: 'unknown-choice' });
  // Lines and tabs are welcome in an address; other control characters have no business in printed text.
  const sender = candidate.reportSender;
  if (typeof sender !== 'string' || sender.length > MAX_SENDER_LENGTH || /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(sender)) {
    problems.push({ field: 'reportSender', code: 'bad-text' });
  }
  return problems;
}

/**
 * Settings as read from storage: a missing or invalid field falls back to its default, so
 * a damaged or older stored value never stops tracking.
 */
export function readSettings(stored: unknown): Settings {
  const raw = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const result: Settings = { ...DEFAULT_SETTINGS };
  for (const field of Object.keys(DEFAULT_SETTINGS) as SettingsField[]) {
    if (raw[field] === undefined) continue;
    const candidate = { ...DEFAULT_SETTINGS, [field]: raw[field] } as Settings;
    if (validateSettings(candidate).length === 0) (result as unknown as Record<string, unknown>)[field] = raw[field];
    else if (Array.isArray(raw[field]) && ['disabledPlatforms', 'mastodonServers', 'customSites', 'leave'].includes(field)) {
      // Keep the good entries of a list with a bad one.
      const good = (raw[field] as unknown[]).filter((item) => validateSettings({ ...DEFAULT_SETTINGS, [field]: [item] } as Settings).length === 0);
      (result as unknown as Record<string, unknown>)[field] = good;
    }
  }
  return result;
}

/** chrome.idle's detection interval: the reading allowance, and 15 s at least (the API's minimum). */
export function idleDetectionSeconds(settings: Pick<Settings, 'readingAllowanceSeconds'>): number {
  return Math.max(15, Math.round(settings.readingAllowanceSeconds));
}

export function trackingSettings(settings: Settings): TrackingSettings {
  return { readingAllowanceMs: settings.readingAllowanceSeconds * 1000, countMedia: settings.countMedia };
}
