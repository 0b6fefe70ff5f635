import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageRequest, StatusResponse } from '../messaging/protocol';

export type StatusState = { status: 'loading' } | { status: 'ready'; value: StatusResponse } | { status: 'error' };

const POLL_MS = 1000;

async function ask(request: PageRequest): Promise<StatusResponse | null> {
  const response = (await browser.runtime.sendMessage(request)) as StatusResponse | null | undefined;
  return response ?? null;
}

/**
 * What the tracker is doing, asked of the background every second while the page is open:
 * the open session grows live, and a pause or idle shows at once.
 */
export function useTrackingStatus(): { state: StatusState; setPaused: (paused: boolean) => Promise<void> } {
  const [state, setState] = useState<StatusState>({ status: 'loading' });

  const apply = useCallback((response: StatusResponse | null) => {
    setState(response ? { status: 'ready', value: response } : { status: 'error' });
  }, []);

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      const response = await ask({ type: 'get-status' }).catch(() => null);
      if (!stopped) apply(response);
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [apply]);

  const setPaused = useCallback(
    async (paused: boolean) => apply(await ask({ type: 'set-paused', paused }).catch(() => null)),
    [apply],
  );
  return { state, setPaused };
}
