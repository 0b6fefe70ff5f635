import * as v from 'valibot';
import { nextVersion } from '../db/versions';
import { Time } from '../schema/primitives';
import { holidayCountryForLocale } from './holiday-default';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';

/** Where the settings live in extension storage (`storage.local`). */
export const SETTINGS_KEY = 'settings';
/** Beside them, when they were last changed: browser sync keeps the later of two browsers' settings. */
export const SETTINGS_UPDATED_AT_KEY = 'settingsUpdatedAt';

/** The settings with their edit time, as browser sync compares them. */
export interface DatedSettings {
  settings: Settings;
  updatedAt: number;
}

/** The part of `storage.local` the settings need: the browser's, or a fake in tests. */
export interface SettingsArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const storedTime = (value: unknown): number | null => (v.is(Time, value) ? value : null);

/**
 * The stored settings and their edit time; null when they were never saved (the defaults
 * then, which any other browser's saved settings replace). Settings saved before their edit
 * time was kept count as edited at 0: older than any dated save.
 */
export async function loadDatedSettings(area: SettingsArea): Promise<DatedSettings | null> {
  const stored = await area.get([SETTINGS_KEY, SETTINGS_UPDATED_AT_KEY]);
  if (stored[SETTINGS_KEY] === undefined) return null;
  return { settings: readSettings(stored[SETTINGS_KEY]), updatedAt: storedTime(stored[SETTINGS_UPDATED_AT_KEY]) ?? 0 };
}

/**
 * At install, settings for the browser's country (its public holidays), when there are none
 * yet. Stored without an edit time, as settings older than any save: a browser-synced
 * save from another browser replaces them. Returns whether they were stored.
 */
export async function storeFirstRunSettings(area: SettingsArea, locale: string): Promise<boolean> {
  if ((await area.get([SETTINGS_KEY]))[SETTINGS_KEY] !== undefined) return false;
  await area.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, holidayCountry: holidayCountryForLocale(locale) } });
  return true;
}

/** Saves settings changed here at `now`, dated after the version they replace. */
export async function saveDatedSettings(area: SettingsArea, settings: Settings, now: number): Promise<void> {
  const previous = storedTime((await area.get([SETTINGS_UPDATED_AT_KEY]))[SETTINGS_UPDATED_AT_KEY]);
  await area.set({ [SETTINGS_KEY]: settings, [SETTINGS_UPDATED_AT_KEY]: previous === null ? now : nextVersion(previous, now) });
}

/**
 * Stores settings that came from another browser, with their own edit time. A save made
 * here since the sync read them is later and stays (the next sync sends it): returns
 * whether they were stored.
 */
export async function storeSyncedSettings(area: SettingsArea, incoming: DatedSettings): Promise<boolean> {
  const current = storedTime((await area.get([SETTINGS_UPDATED_AT_KEY]))[SETTINGS_UPDATED_AT_KEY]);
  if (current !== null && current > incoming.updatedAt) return false;
  await area.set({ [SETTINGS_KEY]: incoming.settings, [SETTINGS_UPDATED_AT_KEY]: incoming.updatedAt });
  return true;
}
