import { SYNC_QUOTA } from './item-size';
import type { QuotaError, WritePlan } from './plan';

/** Why the area refused: for the settings page to say in words. */
export type SyncError =
  | QuotaError
  /** Too many writes lately; writes are allowed again within `retryAfterMs`. */
  | { code: 'rate-limited'; retryAfterMs: number; message: string }
  /** No sync storage (or it failed): nothing was written to it. */
  | { code: 'unavailable'; message: string };

/**
 * What a refusal of the browser means. Browsers say it only in the message: Chrome names the
 * limit ("QUOTA_BYTES quota exceeded", "Resource::kQuotaBytes quota exceeded" in some
 * versions, "This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota."), Firefox
 * does not ("QuotaExceededError: storage.sync API call exceeded its quota limitations.").
 * The sizes come from the plan: the browser says which limit, not by how much.
 */
export function readAreaError(error: unknown, plan?: Pick<WritePlan, 'bytesInUse' | 'items' | 'largestItem'>): SyncError {
  const message = error instanceof Error ? error.message : String(error);
  if (/WRITE_OPERATIONS_PER_HOUR/.test(message)) return { code: 'rate-limited', retryAfterMs: 60 * 60_000, message };
  if (/WRITE_OPERATIONS_PER_MINUTE/.test(message)) return { code: 'rate-limited', retryAfterMs: 60_000, message };
  if (/MAX_ITEMS|kMaxItems/.test(message)) return { code: 'quota', limit: 'items', needed: plan?.items ?? SYNC_QUOTA.items + 1, allowed: SYNC_QUOTA.items };
  // Records are cut to fit Chrome's count: a refused item means a browser that counts otherwise.
  if (/QUOTA_BYTES_PER_ITEM|kQuotaBytesPerItem/.test(message)) return { code: 'quota', limit: 'item-bytes', needed: plan?.largestItem ?? SYNC_QUOTA.itemBytes + 1, allowed: SYNC_QUOTA.itemBytes };
  // Also the area filled by another browser's writes since it was read.
  if (/QUOTA_BYTES|kQuotaBytes|QuotaExceededError/.test(message)) return { code: 'quota', limit: 'bytes', needed: plan?.bytesInUse ?? SYNC_QUOTA.totalBytes + 1, allowed: SYNC_QUOTA.totalBytes };
  return { code: 'unavailable', message };
}
