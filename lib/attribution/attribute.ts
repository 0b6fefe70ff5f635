import type { RuleRecord } from '../db/records';
import type { PageContext } from '../platforms/types';
import { compileUrlPattern, normalizePattern, normalizeUrlForPattern } from './url-pattern';

export type RuleKind = 'account' | 'url' | 'platform';

export interface Attribution {
  clientId: string;
  rule: RuleRecord;
  kind: RuleKind;
}

export function ruleKind(rule: RuleRecord): RuleKind {
  if (rule.urlPattern) return 'url';
  if (rule.account) return 'account';
  return 'platform';
}

/**
 * The client that time on this page belongs to, by the most specific rule:
 * 1. a rule naming this platform's account;
 * 2. a URL pattern matching the page (the longest pattern wins);
 * 3. the platform's default client.
 * Within one level, the newest rule wins. No rule: null (unassigned).
 */
export function createAttributor(rules: readonly RuleRecord[]) {
  const newestFirst = [...rules].sort((a, b) => b.createdAt - a.createdAt);
  const accountRules = newestFirst.filter((r) => ruleKind(r) === 'account');
  const urlRules = newestFirst
    .filter((r) => ruleKind(r) === 'url')
    .map((rule) => ({ rule, regex: compileUrlPattern(rule.urlPattern!), length: normalizePattern(rule.urlPattern!).length }))
    .sort((a, b) => b.length - a.length);
  const platformRules = newestFirst.filter((r) => ruleKind(r) === 'platform');

  return (context: PageContext, url: string | null): Attribution | null => {
    if (context.account !== null) {
      const rule = accountRules.find((r) => r.platform === context.platform && r.account === context.account);
      if (rule) return { clientId: rule.clientId, rule, kind: 'account' };
    }
    const normalized = url ? normalizeUrlForPattern(url) : null;
    if (normalized) {
      const match = urlRules.find((r) => r.regex.test(normalized));
      if (match) return { clientId: match.rule.clientId, rule: match.rule, kind: 'url' };
    }
    const rule = platformRules.find((r) => r.platform === context.platform);
    if (rule) return { clientId: rule.clientId, rule, kind: 'platform' };
    return null;
  };
}
