import type { ClientRecord, RuleRecord, SessionRecord } from '../../lib/db/records';

/** A small deterministic random source, so every run seeds the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PLATFORMS = ['facebook', 'instagram', 'linkedin', 'x', 'tiktok', 'youtube', 'pinterest', 'meta-business'];
const ACTIVITIES = ['browsing', 'publishing', 'messages', 'comments', 'insights', 'ads'];
const KINDS = ['call', 'meeting', 'strategy', 'content', 'other'];

export interface History {
  clients: ClientRecord[];
  rules: RuleRecord[];
  sessions: SessionRecord[];
}

/**
 * A community manager's history: `clients` clients with contracts and rules, and working
 * days from `from` to `to` (epoch ms) with sessions of a few seconds to four minutes (tab
 * switches make many short ones),
 * 8 % of them manual entries, until `perDay` sessions a working day are reached. Session ids
 * start with `idPrefix`, so that several people's histories can be told apart in one database.
 */
export function generateHistory(options: { clients: number; from: number; to: number; perDay: number; seed?: number; idPrefix?: string }): History {
  const next = random(options.seed ?? 42);
  const clients: ClientRecord[] = Array.from({ length: options.clients }, (_, i) => ({
    id: `client-${i}`,
    name: `Client ${String(i + 1).padStart(2, '0')}`,
    color: `#${((i * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(0, 6)}`,
    archived: false,
    createdAt: options.from,
    contracts: [{ from: '2020-01-01', period: (['day', 'week', 'month'] as const)[i % 3]!, hours: [1.5, 8, 30][i % 3]! }],
    hourlyRate: 40 + i,
    currency: 'EUR',
    roundingMinutes: 15,
  }));
  const rules: RuleRecord[] = clients.flatMap((c, i) =>
    PLATFORMS.slice(0, 3).map((platform, j) => ({ id: `rule-${i}-${j}`, clientId: c.id, platform, account: `account-${i}-${j}`, urlPattern: null, createdAt: options.from })),
  );
  const sessions: SessionRecord[] = [];
  let n = 0;
  for (let day = new Date(options.from); day.getTime() < options.to; day.setDate(day.getDate() + 1)) {
    if (day.getDay() === 0 || day.getDay() === 6) continue;
    let t = new Date(day).setHours(8, 30, 0, 0);
    for (let k = 0; k < options.perDay && t < options.to; k++) {
      const length = Math.round(5_000 + next() * next() * 4 * 60_000);
      const i = Math.floor(next() * clients.length);
      const manual = next() < 0.08;
      const assigned = next() < 0.85;
      const platform = PLATFORMS[Math.floor(next() * PLATFORMS.length)]!;
      sessions.push({
        id: `${options.idPrefix ?? 'bench'}-${n++}`,
        start: t,
        end: t + length,
        clientId: manual || assigned ? clients[i]!.id : null,
        platform: manual ? 'manual' : platform,
        account: manual ? null : `account-${i}-${Math.floor(next() * 3)}`,
        activity: manual ? KINDS[Math.floor(next() * KINDS.length)]! : ACTIVITIES[Math.floor(next() * ACTIVITIES.length)]!,
        source: manual ? 'manual' : 'auto',
        assignedBy: manual ? 'user' : assigned ? 'rule' : null,
        ruleId: null,
        page: null,
        createdAt: t,
        updatedAt: t + length,
      });
      t += length + Math.round(next() * 30_000);
    }
  }
  return { clients, rules, sessions };
}
