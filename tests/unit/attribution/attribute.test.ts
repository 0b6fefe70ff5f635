import { describe, expect, it } from 'vitest';
import { createAttributor } from '../../../lib/attribution/attribute';
import { urlPatternProblem } from '../../../lib/attribution/url-pattern';
import { reattributionCandidates } from '../../../lib/attribution/reattribute';
import { parseRuleForm } from '../../../lib/attribution/rule-form';
import type { RuleRecord, SessionRecord } from '../../../lib/db/records';
import type { PageContext } from '../../../lib/platforms/types';

let created = 0;
function rule(clientId: string, shape: Partial<Pick<RuleRecord, 'platform' | 'account' | 'urlPattern'>>): RuleRecord {
  created += 1;
  return { id: `r${created}`, clientId, platform: null, account: null, urlPattern: null, createdAt: created, ...shape };
}

const dupontPage: PageContext = { platform: 'facebook', account: 'boulangerie-dupont', activity: 'browsing' };
const feed: PageContext = { platform: 'facebook', account: null, activity: 'browsing' };

describe('attribution order', () => {
  const rules = [
    rule('default-fb', { platform: 'facebook' }),
    rule('groups', { urlPattern: 'facebook.com/groups/*' }),
    rule('dupont', { platform: 'facebook', account: 'boulangerie-dupont' }),
    rule('dupont-inbox', { urlPattern: 'facebook.com/boulangerie-dupont/inbox' }),
  ];
  const attribute = createAttributor(rules);

  it.each([
    ['an account rule beats a URL pattern that also matches', dupontPage, 'https://www.facebook.com/boulangerie-dupont/inbox', 'dupont'],
    ['an account rule beats the platform default', dupontPage, 'https://www.facebook.com/boulangerie-dupont', 'dupont'],
    ['a URL pattern beats the platform default', { ...feed }, 'https://www.facebook.com/groups/boulangeriefans', 'groups'],
    ['the platform default takes the rest', feed, 'https://www.facebook.com/', 'default-fb'],
  ] as const)('%s', (_name, context, url, expected) => {
    expect(attribute(context, url)?.clientId).toBe(expected);
  });

  it('gives everything to an active override, and nothing once it expired', () => {
    const withOverride = createAttributor(rules, { override: { clientId: 'now', until: 1000 } });
    expect(withOverride(dupontPage, null, 999)).toEqual({ clientId: 'now', assignedBy: 'override', kind: 'override', ruleId: null });
    expect(withOverride({ platform: 'x', account: null }, null, 999)?.clientId).toBe('now');
    expect(withOverride(dupontPage, null, 1000)?.clientId).toBe('dupont');
    expect(createAttributor([], { override: { clientId: 'now', until: null } })(feed, null, 5e12)?.clientId).toBe('now');
  });

  it('skips the rules and override of clients that are not active', () => {
    const onlyDefault = createAttributor(rules, { activeClients: new Set(['default-fb']), override: { clientId: 'gone', until: null } });
    expect(onlyDefault(dupontPage, 'https://www.facebook.com/boulangerie-dupont', 0)?.clientId).toBe('default-fb');
  });

  it('says which rule decided', () => {
    expect(attribute(dupontPage, null)).toMatchObject({ assignedBy: 'rule', kind: 'account', ruleId: rules[2]!.id });
  });

  it('leaves time unassigned when no rule matches', () => {
    expect(createAttributor([])(dupontPage, 'https://www.facebook.com/boulangerie-dupont')).toBeNull();
    expect(attribute({ platform: 'instagram', account: 'x' }, 'https://www.instagram.com/x/')).toBeNull();
  });

  it('prefers the longest URL pattern, then the newest rule', () => {
    const byLength = createAttributor([
      rule('long', { urlPattern: 'facebook.com/groups/boulangerie*' }),
      rule('short', { urlPattern: 'facebook.com/groups/' }),
    ]);
    expect(byLength(feed, 'https://www.facebook.com/groups/boulangeriefans/')?.clientId).toBe('long');
    const byAge = createAttributor([
      rule('older', { platform: 'facebook', account: 'boulangerie-dupont' }),
      rule('newer', { platform: 'facebook', account: 'boulangerie-dupont' }),
    ]);
    expect(byAge(dupontPage, null)?.clientId).toBe('newer');
  });

  it('matches patterns without scheme, www. or case', () => {
    const attribute = createAttributor([rule('c', { urlPattern: 'HTTPS://www.Business.Facebook.com/latest/*asset_id=1122' })]);
    expect(attribute({ platform: 'meta-business', account: '1122' }, 'https://business.facebook.com/latest/home?asset_id=1122')?.clientId).toBe('c');
    expect(attribute(feed, 'https://www.facebook.com/latest/home?asset_id=1122')).toBeNull();
  });
});

describe('re-attribution of past unassigned time', () => {
  const base = { start: 0, end: 1, source: 'auto' as const, activity: 'browsing', createdAt: 0, updatedAt: 0 };
  const sessions: SessionRecord[] = [
    { ...base, id: 'a', clientId: null, platform: 'facebook', account: 'boulangerie-dupont', page: 'www.facebook.com/boulangerie-dupont' },
    { ...base, id: 'b', clientId: null, platform: 'facebook', account: 'boulangerie-dupont', assignedBy: 'user' },
    { ...base, id: 'c', clientId: 'other', platform: 'facebook', account: 'boulangerie-dupont' },
    { ...base, id: 'd', clientId: null, platform: 'facebook', account: 'fleuriste' },
    { ...base, id: 'e', clientId: null, platform: 'facebook', account: 'boulangerie-dupont', source: 'manual' },
    { ...base, id: 'f', clientId: null, platform: 'facebook', account: null, page: 'www.facebook.com/groups/boulangeriefans/' },
  ];

  it('offers only unassigned automatic time the rule matches, never time assigned by hand', () => {
    expect(reattributionCandidates(rule('dupont', { platform: 'facebook', account: 'boulangerie-dupont' }), sessions).map((s) => s.id)).toEqual(['a']);
    expect(reattributionCandidates(rule('g', { urlPattern: 'facebook.com/groups/boulangerie*' }), sessions).map((s) => s.id)).toEqual(['f']);
    expect(reattributionCandidates(rule('fb', { platform: 'facebook' }), sessions).map((s) => s.id)).toEqual(['a', 'd', 'f']);
  });
});

describe('URL pattern validation', () => {
  it.each([
    ['', 'empty'],
    ['***', 'empty'],
    ['groups/boulangerie', 'no-host'],
    ['*.facebook.com/x', 'no-host'],
    ['facebook.com/groups/*', null],
  ] as const)('%j → %s', (pattern, problem) => {
    expect(urlPatternProblem(pattern)).toBe(problem);
  });
});

describe('rule form', () => {
  const base = { clientId: 'dupont', kind: 'account' as const, platform: 'facebook', account: '', urlPattern: '' };

  it.each([
    ['@Boulangerie-Dupont', 'boulangerie-dupont'],
    ['https://www.facebook.com/Boulangerie-Dupont/posts/1', 'boulangerie-dupont'],
  ])('reads the account %s as %s', (account, expected) => {
    const result = parseRuleForm({ ...base, account }, [], 'r', 1);
    expect(result.ok && result.rule.account).toBe(expected);
  });

  it('takes the platform from a pasted address', () => {
    const result = parseRuleForm({ ...base, account: 'https://www.instagram.com/Fleuriste.Martin/' }, [], 'r', 1);
    expect(result.ok && [result.rule.platform, result.rule.account]).toEqual(['instagram', 'fleuriste.martin']);
  });

  it('keeps case-sensitive ids as they are', () => {
    const result = parseRuleForm({ ...base, platform: 'youtube', account: 'channel/UCabcDEF' }, [], 'r', 1);
    expect(result.ok && result.rule.account).toBe('channel/UCabcDEF');
  });

  it.each([
    [{ clientId: '' , account: 'x'}, 'client-missing'],
    [{ account: '' }, 'account-missing'],
    [{ platform: '', account: 'x' }, 'platform-missing'],
    [{ kind: 'url' as const, urlPattern: '*' }, 'pattern-empty'],
    [{ kind: 'url' as const, urlPattern: 'groups/x' }, 'pattern-no-host'],
  ])('%j → %s', (change, problem) => {
    const result = parseRuleForm({ ...base, ...change }, [], 'r', 1);
    expect(result.ok ? [] : result.problems).toContain(problem);
  });

  it('refuses a rule that already exists', () => {
    const existing = [rule('other', { platform: 'facebook', account: 'boulangerie-dupont' })];
    const result = parseRuleForm({ ...base, account: 'boulangerie-dupont' }, existing, 'r', 1);
    expect(result.ok ? [] : result.problems).toEqual(['duplicate']);
  });
});
