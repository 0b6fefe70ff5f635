import type { PageContext } from '../platforms/types';

/** A stretch of engaged time on one (client, platform, account, activity), as the tracker sees it. */
export interface TrackedSession extends PageContext {
  id: string;
  start: number;
  end: number;
  clientId: string | null;
  /** Why the client: a rule, an override, or null when unassigned. */
  assignedBy: 'rule' | 'override' | null;
  ruleId: string | null;
  /** Host and path of the page where the session began. */
  page: string | null;
}

/** The open session also remembers which tab feeds it. */
export interface OpenSession extends TrackedSession {
  tabId: number;
}
