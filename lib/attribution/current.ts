import type { ClientRecord, RuleRecord } from '../db/records';
import type { PageContext } from '../platforms/types';
import type { TrackingStatus } from '../tracking/status';
import { createAttributor, type ClientOverride } from './attribute';

/** Who the page in front of the user counts for, and why. */
export interface CurrentAttribution {
  context: PageContext;
  clientId: string | null;
  /** `rule`: a rule sends this page to the client; `override`: "working for a client now"; null: unassigned. */
  assignedBy: 'rule' | 'override' | null;
  ruleId: string | null;
}

/**
 * The tracked session's own attribution, or, on a tracked page not counted right now
 * (idle, waiting for input), the one its time would get. null away from a tracked page.
 */
export function currentAttribution(
  status: TrackingStatus,
  rules: readonly RuleRecord[],
  clients: readonly ClientRecord[],
  override: ClientOverride | null,
  now: number,
): CurrentAttribution | null {
  if (status.kind === 'tracking') {
    const { clientId, assignedBy, ruleId } = status.session;
    return { context: status.session, clientId, assignedBy, ruleId };
  }
  if (status.kind !== 'waiting' && status.kind !== 'idle') return null;
  const activeClients = new Set(clients.filter((c) => !c.archived).map((c) => c.id));
  const found = createAttributor(rules, { override, activeClients })(status.context, null, now);
  return { context: status.context, clientId: found?.clientId ?? null, assignedBy: found?.assignedBy ?? null, ruleId: found?.ruleId ?? null };
}

/**
 * Whether to offer "This account belongs to…" at once: only for unassigned time. When a
 * rule already sends the page to a client, a second rule would only duplicate it; when the
 * user works for a client now, the page is theirs anyway. "Not this client?" opens the
 * form on demand in both cases.
 */
export function offersAssignment(current: Pick<CurrentAttribution, 'assignedBy'>): boolean {
  return current.assignedBy === null;
}
