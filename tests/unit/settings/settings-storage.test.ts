import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { loadDatedSettings, saveDatedSettings, storeFirstRunSettings, storeSyncedSettings, type SettingsArea } from '../../../lib/settings/settings-storage';

function memoryArea(initial: Record<string, unknown> = {}): SettingsArea & { items: Record<string, unknown> } {
  const items = structuredClone(initial);
  return {
    items,
    get: async (keys) => Object.fromEntries(keys.filter((k) => k in items).map((k) => [k, structuredClone(items[k])])),
    set: async (changes) => void Object.assign(items, structuredClone(changes)),
  };
}

const NOW = Date.UTC(2026, 10, 30, 10);

describe('settings keep their edit time beside them', () => {
  it.each([
    ['never saved: none, so any saved settings elsewhere win', {}, null],
    ['saved before edit times were kept: edited at 0', { settings: { countMedia: false } }, { settings: { ...DEFAULT_SETTINGS, countMedia: false }, updatedAt: 0 }],
    ['saved with a time', { settings: {}, settingsUpdatedAt: NOW }, { settings: DEFAULT_SETTINGS, updatedAt: NOW }],
    ['a damaged time reads as 0', { settings: {}, settingsUpdatedAt: 'yesterday' }, { settings: DEFAULT_SETTINGS, updatedAt: 0 }],
  ])('%s', async (_name, stored, expected) => {
    expect(await loadDatedSettings(memoryArea(stored))).toEqual(expected);
  });

  it.each([
    ['first save: now', {}, NOW],
    ['clock in step', { settingsUpdatedAt: NOW - 1000 }, NOW],
    ['clock behind the browser that saved last: just after its save', { settingsUpdatedAt: NOW + 60_000 }, NOW + 60_001],
  ])('a save is dated after the version it replaces (%s)', async (_name, stored, expected) => {
    const area = memoryArea(stored);
    await saveDatedSettings(area, { ...DEFAULT_SETTINGS, countMedia: false }, NOW);
    expect(area.items).toEqual({ settings: { ...DEFAULT_SETTINGS, countMedia: false }, settingsUpdatedAt: expected });
  });

  it('settings from another browser keep their own time, and never replace a later save made here meanwhile', async () => {
    const area = memoryArea({ settings: DEFAULT_SETTINGS, settingsUpdatedAt: NOW });
    expect(await storeSyncedSettings(area, { settings: { ...DEFAULT_SETTINGS, language: 'fr' }, updatedAt: NOW + 5 })).toBe(true);
    expect(area.items).toEqual({ settings: { ...DEFAULT_SETTINGS, language: 'fr' }, settingsUpdatedAt: NOW + 5 });
    await saveDatedSettings(area, { ...DEFAULT_SETTINGS, language: 'en' }, NOW + 10);
    expect(await storeSyncedSettings(area, { settings: DEFAULT_SETTINGS, updatedAt: NOW + 7 })).toBe(false);
    expect(area.items.settings).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
  });
});

describe('the settings of a new install', () => {
  it("take the public holidays of the browser's country, undated, so that settings saved in another browser win", async () => {
    const area = memoryArea();
    expect(await storeFirstRunSettings(area, 'en-US')).toBe(true);
    expect(area.items).toEqual({ settings: { ...DEFAULT_SETTINGS, holidayCountry: 'US' } });
    expect(await loadDatedSettings(area)).toEqual({ settings: { ...DEFAULT_SETTINGS, holidayCountry: 'US' }, updatedAt: 0 });
    expect(await storeSyncedSettings(area, { settings: { ...DEFAULT_SETTINGS, holidayCountry: 'BE' }, updatedAt: 1 })).toBe(true);
  });

  it('never replace settings already there', async () => {
    const area = memoryArea({ settings: { holidayCountry: 'none' }, settingsUpdatedAt: NOW });
    expect(await storeFirstRunSettings(area, 'en-US')).toBe(false);
    expect(area.items).toEqual({ settings: { holidayCountry: 'none' }, settingsUpdatedAt: NOW });
  });
});
