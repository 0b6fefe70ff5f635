import type { PageContext } from '../platforms/types';

/** A stretch of engaged time on one (client, platform, account, activity), as the tracker sees it. */
export interface TrackedSession extends PageContext {
  id: string;
  start: number;
  end: number;
  clientId: string | null;
}

/** The open session also remembers which tab feeds it. */
export interface OpenSession extends TrackedSession {
  tabId: number;
}
