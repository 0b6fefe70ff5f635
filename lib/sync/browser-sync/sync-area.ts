import type { Storage } from 'webextension-polyfill';
import { browser } from 'wxt/browser';

/**
 * The browser's own sync storage (Chrome Sync, Firefox Sync), as the sync needs it: all
 * items, and writes of several at once (one write operation each, against the rate limits).
 */
export interface SyncArea {
  get(): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** `storage.sync` of this browser. */
export function browserSyncArea(area: Storage.StorageArea = browser.storage.sync): SyncArea {
  return {
    get: () => area.get(null),
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
  };
}
