import type { ClientRecord, EditRecord, RuleRecord, SessionRecord } from '../db/records';

export interface RestorePlan {
  sessions: SessionRecord[];
  clients: ClientRecord[];
  rules: RuleRecord[];
  edits: EditRecord[];
}

export interface RestoreCounts {
  added: number;
  updated: number;
  unchanged: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a restore writes, merging by id: a record the database lacks is added; a session
 * both have is taken from whichever side changed it last; clients, rules and edits already
 * here are kept as they are. The same file twice writes nothing the second time, and a
 * backup from another browser adds its sessions without duplicating shared ones.
 */
export function planRestore(
  existing: { sessions: Map<string, SessionRecord>; clients: Set<string>; rules: Set<string>; edits: Set<string> },
  incoming: RestorePlan,
): { plan: RestorePlan; counts: RestoreCounts } {
  const counts: RestoreCounts = { added: 0, updated: 0, unchanged: 0 };
  const sessions: SessionRecord[] = [];
  for (const session of incoming.sessions) {
    const local = existing.sessions.get(session.id);
    if (!local) {
      sessions.push(session);
      counts.added += 1;
    } else if (session.updatedAt > local.updatedAt && !same(session, local)) {
      sessions.push(session);
      counts.updated += 1;
    } else {
      counts.unchanged += 1;
    }
  }
  const fresh = <T extends { id: string }>(records: T[], ids: Set<string>) => {
    const added = records.filter((r) => !ids.has(r.id));
    counts.added += added.length;
    counts.unchanged += records.length - added.length;
    return added;
  };
  return {
    plan: { sessions, clients: fresh(incoming.clients, existing.clients), rules: fresh(incoming.rules, existing.rules), edits: fresh(incoming.edits, existing.edits) },
    counts,
  };
}
