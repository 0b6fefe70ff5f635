import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StatusResponse } from '../messaging/protocol';
import { getStatus } from './background-client';

export type StatusState = { status: 'loading' } | { status: 'ready'; value: StatusResponse } | { status: 'error' };

const POLL_MS = 1000;

/**
 * What the tracker is doing, asked of the background every second while the page is open:
 * the open session grows live, and a pause or idle shows at once. `refresh` asks now, after
 * the page changed something.
 */
export function useTrackingStatus(): { state: StatusState; refresh: () => Promise<void> } {
  const [state, setState] = useState<StatusState>({ status: 'loading' });
  const refresh = useCallback(async () => {
    const value = await getStatus().catch(() => null);
    setState(value ? { status: 'ready', value } : { status: 'error' });
  }, []);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  return { state, refresh };
}
