import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { NO_SYNC, SYNC_STATUS_KEY, type SyncStatus } from '../sync/status';

function read(value: unknown): SyncStatus {
  return value && typeof value === 'object' ? { ...NO_SYNC, ...(value as Partial<SyncStatus>) } : NO_SYNC;
}

/** The sync state the background keeps, followed as it changes; null until first read. */
export function useSyncStatus(): SyncStatus | null {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let live = true;
    void browser.storage.local.get(SYNC_STATUS_KEY).then((items) => live && setStatus(read(items[SYNC_STATUS_KEY])));
    // The local area's own event: the background's checkpoints in the session area, written at every tracker event, are not sent here.
    const listener = (changes: Record<string, { newValue?: unknown }>) => {
      if (changes[SYNC_STATUS_KEY]) setStatus(read(changes[SYNC_STATUS_KEY].newValue));
    };
    browser.storage.local.onChanged.addListener(listener);
    return () => {
      live = false;
      browser.storage.local.onChanged.removeListener(listener);
    };
  }, []);
  return status;
}
