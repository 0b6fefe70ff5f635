import type { ClientRecord, RuleRecord } from '../db/records';
import { PERSONAL_CLIENT_ID } from '../db/records';
import { ruleKind, type ClientOverride } from './attribute';

/** Why time goes where it goes, for "why is this counted for client X?". */
export type Explanation =
  | { kind: 'override'; clientName: string; until: number | null }
  | { kind: 'account'; clientName: string; platform: string; account: string }
  | { kind: 'url'; clientName: string; pattern: string }
  | { kind: 'platform'; clientName: string; platform: string }
  | { kind: 'personal' }
  | { kind: 'unassigned' };

export function explainAttribution(
  session: { clientId: string | null; assignedBy: string | null; ruleId: string | null },
  rules: readonly RuleRecord[],
  clients: readonly ClientRecord[],
  override: ClientOverride | null,
): Explanation {
  if (session.clientId === null) return { kind: 'unassigned' };
  if (session.clientId === PERSONAL_CLIENT_ID) return { kind: 'personal' };
  const clientName = clients.find((c) => c.id === session.clientId)?.name ?? '';
  if (session.assignedBy === 'override') return { kind: 'override', clientName, until: override?.until ?? null };
  const rule = rules.find((r) => r.id === session.ruleId);
  if (!rule) return { kind: 'unassigned' };
  switch (ruleKind(rule)) {
    case 'account':
      return { kind: 'account', clientName, platform: rule.platform ?? '', account: rule.account ?? '' };
    case 'url':
      return { kind: 'url', clientName, pattern: rule.urlPattern ?? '' };
    case 'platform':
      return { kind: 'platform', clientName, platform: rule.platform ?? '' };
  }
}
