import type { RuleRecord, SessionRecord } from '../db/records';
import { ruleMatches } from './attribute';

/**
 * The past time a new rule would take: unassigned automatic sessions it matches. Time the
 * user assigned by hand (to a client, or back to unassigned) is never offered.
 */
export function reattributionCandidates(rule: RuleRecord, sessions: readonly SessionRecord[]): SessionRecord[] {
  return sessions.filter(
    (s) => s.clientId === null && s.source === 'auto' && s.assignedBy !== 'user' && ruleMatches(rule, s, s.page ?? null),
  );
}
