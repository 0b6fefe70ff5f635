import * as v from 'valibot';
import type { RuleRecord } from '../db/records';
import { RuleSchema } from '../schema/rule';
import { createClassifier } from '../platforms/classify';
import type { RuleKind } from './attribute';
import { normalizePattern, urlPatternProblem } from './url-pattern';

export interface RuleForm {
  clientId: string;
  kind: RuleKind;
  platform: string;
  /** An account as shown in the popup, or the URL of its page. */
  account: string;
  urlPattern: string;
}

export type RuleProblem = 'client-missing' | 'platform-missing' | 'account-missing' | 'account-invalid' | 'pattern-empty' | 'pattern-no-host' | 'pattern-invalid' | 'duplicate';

/**
 * An account as the catalogue writes it. A pasted URL is read by the catalogue itself;
 * otherwise a leading `@` goes and case folds, except where the platform's ids are
 * case-sensitive (YouTube channel ids, Bluesky DIDs).
 */
export function normalizeAccount(platform: string, text: string): { account: string | null; platform: string | null } {
  const trimmed = text.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    const context = createClassifier()(trimmed);
    return { account: context?.account ?? null, platform: context?.platform ?? null };
  }
  const bare = trimmed.replace(/^@/, '');
  if (!bare) return { account: null, platform };
  const caseSensitive = bare.startsWith('channel/') || bare.startsWith('did:');
  return { account: caseSensitive ? bare : bare.toLowerCase(), platform };
}

export function parseRuleForm(
  form: RuleForm,
  existing: readonly RuleRecord[],
  id: string,
  now: number,
): { ok: true; rule: RuleRecord } | { ok: false; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  if (!form.clientId) problems.push('client-missing');
  let rule: RuleRecord = { id, clientId: form.clientId, platform: null, account: null, urlPattern: null, createdAt: now };
  if (form.kind === 'url') {
    const problem = urlPatternProblem(form.urlPattern);
    if (problem === 'empty') problems.push('pattern-empty');
    if (problem === 'no-host') problems.push('pattern-no-host');
    rule = { ...rule, urlPattern: form.urlPattern.trim() };
  } else {
    rule = { ...rule, platform: form.platform || null };
    if (form.kind === 'account') {
      // A pasted address says its platform itself, whatever the list showed.
      const { account, platform } = normalizeAccount(form.platform, form.account);
      if (!account) problems.push('account-missing');
      rule = { ...rule, account, platform: platform ?? rule.platform };
    }
    if (!rule.platform) problems.push('platform-missing');
  }
  const same = (r: RuleRecord) =>
    r.platform === rule.platform &&
    r.account === rule.account &&
    (r.urlPattern === null ? rule.urlPattern === null : rule.urlPattern !== null && normalizePattern(r.urlPattern) === normalizePattern(rule.urlPattern));
  // What the form does not check itself (control characters, lengths) the record's schema does, as for a backup.
  if (problems.length === 0 && !v.is(RuleSchema, rule)) problems.push(form.kind === 'url' ? 'pattern-invalid' : 'account-invalid');
  if (problems.length === 0 && existing.some(same)) problems.push('duplicate');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rule };
}
