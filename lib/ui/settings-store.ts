import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readSettings, validateSettings, type Settings, type SettingsProblem } from '../settings/settings';
import { saveDatedSettings, SETTINGS_KEY as KEY } from '../settings/settings-storage';

export async function loadSettings(): Promise<Settings> {
  return readSettings((await browser.storage.local.get(KEY))[KEY]);
}

/** Saves settings only when they are all valid; otherwise returns the problems and stores nothing. */
export async function saveSettings(settings: Settings): Promise<SettingsProblem[]> {
  const problems = validateSettings(settings);
  if (problems.length === 0) await saveDatedSettings(browser.storage.local, settings, Date.now());
  return problems;
}

/** The settings, kept current when any page or the background changes them. */
export function useSettings(initial: Settings): Settings {
  const [settings, setSettings] = useState(initial);
  useEffect(() => {
    // The local area's own event: the background's checkpoints in the session area, written
    // at every tracker event, are then not dispatched to every open page.
    const listener = (changes: Record<string, { newValue?: unknown }>) => {
      if (changes[KEY]) setSettings(readSettings(changes[KEY].newValue));
    };
    browser.storage.local.onChanged.addListener(listener);
    return () => browser.storage.local.onChanged.removeListener(listener);
  }, []);
  return settings;
}
