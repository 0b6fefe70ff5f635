import { describe, expect, it } from 'vitest';
import { accountKey, suggestClients } from '../../../lib/onboarding/suggestions';

const MIN = 60_000;
let start = 0;
/** An unassigned session of `minutes` on an account. */
function seen(platform: string, account: string | null, minutes = 1, clientId: string | null = null, more: { source?: 'auto' | 'manual'; assignedBy?: 'user' } = {}) {
  start += 3_600_000;
  return { platform, account, clientId, start, end: start + minutes * MIN, source: 'auto' as const, ...more };
}

describe('accountKey: names that look alike', () => {
  it.each([
    ['boulangerie-dupont', 'boulangeriedupont'],
    ['boulangerie.dupont', 'boulangeriedupont'],
    ['Boulangerie_Dupont', 'boulangeriedupont'],
    ['BoulangerieDupont', 'boulangeriedupont'],
    ['@boulangerie.dupont', 'boulangeriedupont'],
    ['café-lumière', 'cafelumiere'],
    ['company/acme-conseil', 'acmeconseil'],
    ['', ''],
  ])('%s → %s', (account, key) => {
    expect(accountKey(account)).toBe(key);
  });
});

describe('suggestClients', () => {
  it.each([
    {
      what: 'groups alike accounts across platforms into one named client',
      sessions: [seen('facebook', 'boulangerie-dupont', 3), seen('instagram', 'boulangerie.dupont', 2)],
      expected: [{ name: 'Boulangerie Dupont', accounts: ['facebook:boulangerie-dupont', 'instagram:boulangerie.dupont'], minutes: 5 }],
    },
    {
      what: 'takes the words from the name that shows where they split, accents kept',
      sessions: [seen('instagram', 'cafelumiere'), seen('facebook', 'café.lumière'), seen('x', 'CafeLumiere')],
      expected: [{ name: 'Café Lumière', accounts: ['facebook:café.lumière', 'instagram:cafelumiere', 'x:CafeLumiere'], minutes: 3 }],
    },
    {
      what: 'reads the last segment of path-like accounts',
      sessions: [seen('linkedin', 'company/acme-conseil'), seen('x', 'acme_conseil')],
      expected: [{ name: 'Acme Conseil', accounts: ['linkedin:company/acme-conseil', 'x:acme_conseil'], minutes: 2 }],
    },
    {
      what: 'suggests nothing for accounts on one platform only',
      sessions: [seen('facebook', 'boulangerie-dupont'), seen('facebook', 'boulangerie.dupont')],
      expected: [],
    },
    {
      what: 'keeps two accounts of one platform when the group spans two',
      sessions: [seen('facebook', 'boulangerie-dupont'), seen('facebook', 'boulangerie.dupont'), seen('instagram', 'boulangeriedupont')],
      expected: [{ name: 'Boulangerie Dupont', accounts: ['facebook:boulangerie-dupont', 'facebook:boulangerie.dupont', 'instagram:boulangeriedupont'], minutes: 3 }],
    },
    {
      what: 'ignores assigned and personal time, and time without an account',
      sessions: [seen('facebook', 'fleuriste-martin', 1, 'c1'), seen('instagram', 'fleuriste.martin', 1, 'personal'), seen('x', null), seen('linkedin', null)],
      expected: [],
    },
    {
      what: 'ignores time a rule would not take: manual entries, time unassigned by hand',
      sessions: [seen('facebook', 'fleuriste-martin', 1, null, { source: 'manual' }), seen('instagram', 'fleuriste.martin', 1, null, { assignedBy: 'user' }), seen('x', 'fleuriste_martin')],
      expected: [],
    },
    {
      what: 'ignores names too short to tell businesses apart',
      sessions: [seen('facebook', 'a-b'), seen('instagram', 'ab')],
      expected: [],
    },
    {
      what: 'orders suggestions by unassigned time, most first, and counts each session once',
      sessions: [seen('facebook', 'fleuriste-martin', 1), seen('instagram', 'fleuriste.martin', 1), seen('facebook', 'boulangerie-dupont', 5), seen('instagram', 'boulangerie.dupont', 1), seen('instagram', 'boulangerie.dupont', 1)],
      expected: [
        { name: 'Boulangerie Dupont', accounts: ['facebook:boulangerie-dupont', 'instagram:boulangerie.dupont'], minutes: 7 },
        { name: 'Fleuriste Martin', accounts: ['facebook:fleuriste-martin', 'instagram:fleuriste.martin'], minutes: 2 },
      ],
    },
  ])('$what', ({ sessions, expected }) => {
    const suggestions = suggestClients(sessions, [], []);
    expect(suggestions.map((s) => ({ name: s.name, accounts: s.accounts.map((a) => `${a.platform}:${a.account}`), minutes: s.ms / MIN }))).toEqual(expected);
    expect(suggestions.every((s) => s.existingClientId === null)).toBe(true);
  });

  it('names the existing client of that name rather than suggesting a second one (archived ones aside)', () => {
    const sessions = [seen('facebook', 'boulangerie-dupont'), seen('instagram', 'boulangerie.dupont')];
    expect(suggestClients(sessions, [{ id: 'c1', name: 'boulangerie dupont', archived: false }], [])[0]!.existingClientId).toBe('c1');
    expect(suggestClients(sessions, [{ id: 'c1', name: 'Boulangerie Dupont', archived: true }], [])[0]!.existingClientId).toBeNull();
  });

  it('leaves out accounts an account rule already covers', () => {
    const sessions = [seen('facebook', 'boulangerie-dupont'), seen('instagram', 'boulangerie.dupont'), seen('x', 'boulangerie_dupont')];
    const suggestions = suggestClients(sessions, [], [{ platform: 'x', account: 'boulangerie_dupont' }]);
    expect(suggestions.map((s) => s.accounts.map((a) => a.platform))).toEqual([['facebook', 'instagram']]);
    expect(suggestClients(sessions, [], [{ platform: 'x', account: 'boulangerie_dupont' }, { platform: 'instagram', account: 'boulangerie.dupont' }])).toEqual([]);
  });
});
