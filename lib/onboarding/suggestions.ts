import { sameName } from '../clients/client-form';
import type { ClientRecord, RuleRecord, SessionRecord } from '../db/records';

export interface SeenAccount {
  platform: string;
  account: string;
}

export interface ClientSuggestion {
  /** A client name made from the accounts' names: "boulangerie.dupont" gives "Boulangerie Dupont". */
  name: string;
  /** The client of that name when one exists (archived ones aside): assign to it rather than create another. */
  existingClientId: string | null;
  /** Every account that looks alike, by platform then account. */
  accounts: SeenAccount[];
  /** Unassigned time on those accounts. */
  ms: number;
}

/** Shorter keys ("ab", "tv") match unrelated accounts too often to suggest anything. */
const MIN_KEY_LENGTH = 4;

/**
 * The words of an account's name, lower case: its last path segment (LinkedIn's
 * `company/acme-conseil`, YouTube's `@handle`), split at separators and case changes.
 */
export function accountWords(account: string): string[] {
  const last = account.split('/').filter(Boolean).at(-1) ?? '';
  return last
    .replace(/^@/, '')
    .normalize('NFC')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Accounts with the same key look alike: separators, case and accents do not count. */
export function accountKey(account: string): string {
  return accountWords(account).join('').normalize('NFD').replace(/\p{M}/gu, '');
}

/** How far back suggestions look: the accounts of the last weeks' work. */
export const SUGGESTION_WINDOW_DAYS = 30;

/**
 * Clients to suggest from unassigned time: accounts whose names look alike on two platforms
 * or more (one business's pages). Only time a new rule would take counts (automatic, not
 * unassigned by hand, as `reattributionCandidates`), and accounts an account rule already
 * covers are left out: their time is unassigned because the user chose so. Most time first.
 */
export function suggestClients(
  sessions: readonly Pick<SessionRecord, 'clientId' | 'platform' | 'account' | 'start' | 'end' | 'source' | 'assignedBy'>[],
  clients: readonly Pick<ClientRecord, 'id' | 'name' | 'archived'>[],
  rules: readonly Pick<RuleRecord, 'platform' | 'account'>[],
): ClientSuggestion[] {
  const ruled = new Set(rules.filter((r) => r.account !== null).map((r) => `${r.platform}\n${r.account}`));
  const groups = new Map<string, { accounts: Map<string, SeenAccount>; ms: number }>();
  for (const s of sessions) {
    if (s.clientId !== null || s.source !== 'auto' || s.assignedBy === 'user' || !s.account || ruled.has(`${s.platform}\n${s.account}`)) continue;
    const key = accountKey(s.account);
    if (key.length < MIN_KEY_LENGTH) continue;
    const group = groups.get(key) ?? { accounts: new Map(), ms: 0 };
    group.accounts.set(`${s.platform}\n${s.account}`, { platform: s.platform, account: s.account });
    group.ms += s.end - s.start;
    groups.set(key, group);
  }
  const suggestions: ClientSuggestion[] = [];
  for (const group of groups.values()) {
    const accounts = [...group.accounts.values()].sort((a, b) => a.platform.localeCompare(b.platform) || a.account.localeCompare(b.account));
    if (new Set(accounts.map((a) => a.platform)).size < 2) continue;
    const name = suggestedName(accounts.map((a) => a.account));
    const existing = clients.find((c) => !c.archived && sameName(c.name, name));
    suggestions.push({ name, existingClientId: existing?.id ?? null, accounts, ms: group.ms });
  }
  return suggestions.sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name));
}

/**
 * The name with the most words shows where the words split ("boulangerie-dupont" over
 * "boulangeriedupont"); between equals, the one with accents writes them ("café" over "cafe").
 */
function suggestedName(accounts: readonly string[]): string {
  const score = (words: string[]) => [words.length, words.join('').replace(/[\x00-\x7f]/g, '').length] as const;
  const words = accounts.map(accountWords).reduce((best, w) => {
    const [a, b] = [score(w), score(best)];
    return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]) ? w : best;
  });
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}
