import * as v from 'valibot';
import { Time } from '../../schema/primitives';
import { DEFAULT_SETTINGS, validateSettings, type Settings, type SettingsField } from '../../settings/settings';
import type { DatedSettings } from '../../settings/settings-storage';

/**
 * The settings as another browser wrote them: the fields this version knows, each checked
 * by `validateSettings` like a save from the settings page. A field may be missing when
 * that browser runs an older version of the extension.
 */
export interface SyncedSettings {
  settings: Partial<Settings>;
  updatedAt: number;
}

const SettingsItemSchema = v.object({ settings: v.record(v.string(), v.unknown()), updatedAt: Time });

const FIELDS = Object.keys(DEFAULT_SETTINGS) as SettingsField[];

/** The synced settings, or what is wrong with them: they are taken whole or not at all. */
export function readSettingsItem(value: unknown): { ok: true; value: SyncedSettings } | { ok: false; detail: string } {
  const item = v.safeParse(SettingsItemSchema, value);
  if (!item.success) return { ok: false, detail: v.summarize(item.issues) };
  // Fields of a later version are not this one's to keep.
  const known = Object.fromEntries(FIELDS.filter((f) => item.output.settings[f] !== undefined).map((f) => [f, item.output.settings[f]])) as Partial<Settings>;
  let problems: string[];
  try {
    problems = validateSettings({ ...DEFAULT_SETTINGS, ...known }).map((p) => `${p.field}: ${p.code}`);
  } catch {
    // A list that is not a list, and the like: nothing a settings page could have saved.
    problems = ['unreadable'];
  }
  return problems.length === 0 ? { ok: true, value: { settings: known, updatedAt: item.output.updatedAt } } : { ok: false, detail: problems.join(', ') };
}

/**
 * Synced settings made whole: a field an older version did not write keeps this browser's
 * value (or the default), as long as the whole stays valid.
 */
export function completeSettings(synced: SyncedSettings, local: Settings | undefined): DatedSettings {
  const withLocal = { ...(local ?? DEFAULT_SETTINGS), ...synced.settings };
  const settings = validateSettings(withLocal).length === 0 ? withLocal : { ...DEFAULT_SETTINGS, ...synced.settings };
  return { settings, updatedAt: synced.updatedAt };
}
