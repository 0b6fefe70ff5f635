import { describe, expect, it } from 'vitest';
import { createAttributor } from '../../../lib/attribution/attribute';
import { parseRuleForm } from '../../../lib/attribution/rule-form';
import { matchesUrlPattern } from '../../../lib/attribution/url-pattern';
import type { RuleRecord } from '../../../lib/db/records';

/** The meaning of a pattern, written the slow way: `*` is any run of characters, anchored at the start only. */
function reference(pattern: string, url: string): boolean {
  const body = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*');
  return new RegExp(`^${body}`).test(url);
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('URL patterns', () => {
  it.each([
    ['facebook.com/groups/*', 'facebook.com/groups/boulangerie', true],
    ['facebook.com/groups/boulangerie*', 'facebook.com/groups/boulangeriefans/posts', true],
    ['facebook.com/groups/boulangerie', 'facebook.com/groups/boulangerie/about', true],
    ['facebook.com/groups/boulangerie', 'facebook.com/group/boulangerie', false],
    ['business.facebook.com/latest/*asset_id=1122', 'business.facebook.com/latest/inbox?asset_id=1122', true],
    ['business.facebook.com/latest/*asset_id=1122', 'business.facebook.com/latest/inbox?asset_id=99', false],
    ['facebook.com/*a*b', 'facebook.com/xxbxxaxx', false],
    ['facebook.com/a.b', 'facebook.com/axb', false],
  ] as const)('%s on %s → %s', (pattern, url, expected) => {
    expect(matchesUrlPattern(pattern, url)).toBe(expected);
  });

  it('matches as the slow definition does, over random patterns and URLs', () => {
    const random = seeded(7);
    const alphabet = 'ab./*';
    const pick = (n: number, chars: string) => Array.from({ length: n }, () => chars[Math.floor(random() * chars.length)]).join('');
    for (let i = 0; i < 5000; i++) {
      const pattern = `x.com/${pick(Math.floor(random() * 8), alphabet)}`;
      const url = `x.com/${pick(Math.floor(random() * 12), 'ab./')}`;
      expect(matchesUrlPattern(pattern, url), `${pattern} on ${url}`).toBe(reference(pattern, url));
    }
  });

  it('answers in linear time whatever the pattern: many stars on a long URL that does not match', () => {
    // A backtracking regular expression takes seconds on 6 stars and 60 characters, and
    // longer than anyone waits on these: the generous bound only catches that kind of blow-up.
    const pattern = `facebook.com/${'*a'.repeat(30)}*x`;
    const url = `facebook.com/${'a'.repeat(5000)}`;
    const started = performance.now();
    expect(matchesUrlPattern(pattern, url)).toBe(false);
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('attributes through the same matcher', () => {
    const rule: RuleRecord = { id: 'r', clientId: 'c', platform: null, account: null, urlPattern: `facebook.com/${'*a'.repeat(12)}*x`, createdAt: 1 };
    const attribute = createAttributor([rule]);
    const started = performance.now();
    expect(attribute({ platform: 'facebook', account: null }, `https://www.facebook.com/${'a'.repeat(60)}`)).toBeNull();
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe('one validation for rules', () => {
  it.each([
    ['an account with control characters', { kind: 'account' as const, platform: 'facebook', account: 'dupont\u0007', urlPattern: '' }, 'account-invalid'],
    ['a pattern with control characters', { kind: 'url' as const, platform: '', account: '', urlPattern: 'facebook.com/\u001b[31m' }, 'pattern-invalid'],
  ])('the form refuses %s, as a backup does', (_name, form, problem) => {
    expect(parseRuleForm({ clientId: 'c', ...form }, [], 'r', 1)).toEqual({ ok: false, problems: [problem] });
  });
});
