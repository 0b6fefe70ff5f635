import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readAreaError } from '../../../../lib/sync/browser-sync/area-errors';
import { browserSyncArea } from '../../../../lib/sync/browser-sync/sync-area';

describe('the browser\'s storage.sync', () => {
  it('reads every item, writes several at once and removes them', async () => {
    fakeBrowser.reset();
    const area = browserSyncArea();
    await area.set({ 'c:1': { id: '1' }, s: { updatedAt: 1 } });
    await area.remove(['s']);
    expect(await area.get()).toEqual({ 'c:1': { id: '1' } });
  });
});

describe('a refusal of the browser, in words the settings page can say', () => {
  const plan = { bytesInUse: 120_000, items: 40, largestItem: 8_300 };
  it.each([
    ['Chrome, total', 'QUOTA_BYTES quota exceeded', { code: 'quota', limit: 'bytes', needed: 120_000, allowed: 102_400 }],
    ['Chrome, total (newer wording)', 'Resource::kQuotaBytes quota exceeded', { code: 'quota', limit: 'bytes', needed: 120_000, allowed: 102_400 }],
    ['Chrome, one item', 'QUOTA_BYTES_PER_ITEM quota exceeded', { code: 'quota', limit: 'item-bytes', needed: 8_300, allowed: 8_192 }],
    ['Chrome, one item (newer wording)', 'Resource::kQuotaBytesPerItem quota exceeded', { code: 'quota', limit: 'item-bytes', needed: 8_300, allowed: 8_192 }],
    ['Chrome, items', 'MAX_ITEMS quota exceeded', { code: 'quota', limit: 'items', needed: 40, allowed: 512 }],
    ['Firefox, any size', 'QuotaExceededError: storage.sync API call exceeded its quota limitations.', { code: 'quota', limit: 'bytes', needed: 120_000, allowed: 102_400 }],
    ['Chrome, writes this minute', 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.', { code: 'rate-limited', retryAfterMs: 60_000 }],
    ['Chrome, writes this hour', 'This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.', { code: 'rate-limited', retryAfterMs: 3_600_000 }],
    ['anything else', 'An unexpected error occurred', { code: 'unavailable', message: 'An unexpected error occurred' }],
  ])('%s', (_name, message, expected) => {
    expect(readAreaError(new Error(message), plan)).toMatchObject(expected);
  });
});
