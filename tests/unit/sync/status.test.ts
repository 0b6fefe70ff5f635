import { describe, expect, it } from 'vitest';
import { afterAttempt, MAX_RETRY_DELAY_MS, NO_SYNC, retryDelayMs, SYNC_INTERVAL_MS } from '../../../lib/sync/status';

const MINUTE = 60_000;

describe('sync attempts and retries', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 4],
    [6, 32],
    [7, 60],
    [50, 60],
  ])('after %i failures in a row, waits %i minutes', (failures, minutes) => {
    expect(retryDelayMs(failures)).toBe(minutes * MINUTE);
  });

  it('backs off while failing, and returns to the regular interval after a success', () => {
    let status = { ...NO_SYNC.webdav, enabled: true };
    for (let i = 1; i <= 8; i++) {
      status = afterAttempt(status, i * MINUTE, { code: 'offline' });
      expect(status.failures).toBe(i);
      expect(status.nextAttemptAt! - i * MINUTE).toBe(Math.min(MAX_RETRY_DELAY_MS, retryDelayMs(i)));
      expect(status.lastSuccessAt).toBeNull();
    }
    status = afterAttempt(status, 100 * MINUTE, null);
    expect(status).toMatchObject({ failures: 0, problem: null, lastSuccessAt: 100 * MINUTE, nextAttemptAt: 100 * MINUTE + SYNC_INTERVAL_MS });
  });

  it('keeps the last success when an attempt fails', () => {
    const ok = afterAttempt({ ...NO_SYNC.browser, enabled: true }, 1000, null);
    expect(afterAttempt(ok, 5000, { code: 'quota', detail: '120000' })).toMatchObject({ lastSuccessAt: 1000, lastAttemptAt: 5000, problem: { code: 'quota' } });
  });
});
