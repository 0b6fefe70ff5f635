import { browser } from 'wxt/browser';
import type { PageReporterDeps } from './page-reporter';

/** Asked by the background's test hooks (e2e builds only): "send everything you hold, then say so". */
export const DRAIN_REQUEST = 'test-reporter-drain';
/** Sent by the content script after its last report: the background answers once it has handled everything before it. */
export const DRAIN_BARRIER = 'test-reporter-barrier';

/**
 * E2E builds only. Wraps a page reporter's dependencies so that browser tests can wait,
 * instead of sleeping, until every input the page saw has been reported and handled:
 * on a drain request, the script waits for its pending (trailing) report to go out, then
 * sends a barrier message behind its reports, and answers once the background has handled
 * the barrier (so every report before it). An answer also proves the script is running.
 */
export function withDrainProbe(deps: PageReporterDeps): PageReporterDeps {
  const pending = new Set<unknown>();
  const probed: PageReporterDeps = {
    ...deps,
    setTimer: (callback, ms) => {
      const handle: unknown = deps.setTimer(() => {
        pending.delete(handle);
        callback();
      }, ms);
      pending.add(handle);
      return handle;
    },
    clearTimer: (handle) => {
      pending.delete(handle);
      deps.clearTimer(handle);
    },
  };

  const drain = async (): Promise<boolean> => {
    // A trailing report is at most one report interval away: wait for it to be sent.
    while (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    return (await browser.runtime.sendMessage({ type: DRAIN_BARRIER })) === true;
  };
  browser.runtime.onMessage.addListener((message: unknown, _sender: unknown, respond: (value: unknown) => void) => {
    if ((message as { type?: string } | null)?.type !== DRAIN_REQUEST) return false;
    drain().then(respond, (error: unknown) => respond({ error: String(error) }));
    return true;
  });
  return probed;
}
