import type { AssignedBy, RuleRecord } from '../db/records';
import { matchesUrlPattern, normalizePattern, normalizeUrlForPattern } from './url-pattern';

export type RuleKind = 'account' | 'url' | 'platform';

/** Where time was spent, as far as rules care. */
export interface AttributionTarget {
  platform: string;
  account: string | null;
}

/** "Working for client X now": everything tracked goes to X until `until` (or until turned off). */
export interface ClientOverride {
  clientId: string;
  /** Epoch ms, or null: until turned off. */
  until: number | null;
}

export interface Attribution {
  clientId: string;
  assignedBy: Exclude<AssignedBy, 'user'>;
  kind: RuleKind | 'override';
  ruleId: string | null;
}

export function ruleKind(rule: Pick<RuleRecord, 'urlPattern' | 'account'>): RuleKind {
  if (rule.urlPattern) return 'url';
  if (rule.account) return 'account';
  return 'platform';
}

export function overrideActive(override: ClientOverride | null, now: number): override is ClientOverride {
  return override !== null && (override.until === null || now < override.until);
}

/** Host and path of a URL as sessions keep it (no scheme, no query): what URL patterns are matched against for past time. */
export function pageOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return `${parsed.hostname.toLowerCase()}${parsed.pathname}`.slice(0, 300);
  } catch {
    return null;
  }
}

/** Does this one rule match a page? `page` is a full URL for live pages, or a stored `host/path`. */
export function ruleMatches(rule: RuleRecord, context: AttributionTarget, page: string | null): boolean {
  switch (ruleKind(rule)) {
    case 'account':
      return context.account !== null && rule.platform === context.platform && rule.account === context.account;
    case 'platform':
      return rule.platform === context.platform;
    case 'url': {
      if (!page) return false;
      const normalized = normalizeUrlForPattern(page.includes('://') ? page : `https://${page}`);
      return normalized !== null && matchesUrlPattern(rule.urlPattern!, normalized);
    }
  }
}

/**
 * The client that time on a page belongs to:
 * 0. an active "working for client X now" override, whatever the page;
 * 1. a rule naming this platform's account;
 * 2. a URL pattern matching the page (the longest pattern wins);
 * 3. the platform's default client.
 * Within one level, the newest rule wins. Rules of clients that are not active (archived,
 * deleted) are skipped. No match: null, unassigned.
 */
export function createAttributor(rules: readonly RuleRecord[], options: { override?: ClientOverride | null; activeClients?: ReadonlySet<string> } = {}) {
  const active = options.activeClients;
  const usable = rules.filter((r) => !active || active.has(r.clientId));
  const newestFirst = [...usable].sort((a, b) => b.createdAt - a.createdAt);
  const accountRules = newestFirst.filter((r) => ruleKind(r) === 'account');
  const urlRules = newestFirst
    .filter((r) => ruleKind(r) === 'url')
    .sort((a, b) => normalizePattern(b.urlPattern!).length - normalizePattern(a.urlPattern!).length);
  const platformRules = newestFirst.filter((r) => ruleKind(r) === 'platform');
  const override = options.override ?? null;

  const fromRule = (rule: RuleRecord | undefined): Attribution | null =>
    rule ? { clientId: rule.clientId, assignedBy: 'rule', kind: ruleKind(rule), ruleId: rule.id } : null;

  return (context: AttributionTarget, page: string | null, now = 0): Attribution | null => {
    if (overrideActive(override, now) && (!active || active.has(override.clientId))) {
      return { clientId: override.clientId, assignedBy: 'override', kind: 'override', ruleId: null };
    }
    return (
      fromRule(accountRules.find((r) => ruleMatches(r, context, page))) ??
      fromRule(urlRules.find((r) => ruleMatches(r, context, page))) ??
      fromRule(platformRules.find((r) => ruleMatches(r, context, page)))
    );
  };
}

export type Attributor = ReturnType<typeof createAttributor>;
