import { describe, expect, it } from 'vitest';
import { currentAttribution, offersAssignment } from '../../../lib/attribution/current';
import type { ClientRecord, RuleRecord } from '../../../lib/db/records';
import type { PageContext } from '../../../lib/platforms/types';

const dupontPage: PageContext = { platform: 'facebook', account: 'boulangerie-dupont', activity: 'browsing' };
const dupont: ClientRecord = { id: 'dupont', name: 'Boulangerie Dupont', color: '#c2410c', archived: false, createdAt: 0 };
const accountRule: RuleRecord = { id: 'r1', clientId: 'dupont', platform: 'facebook', account: 'boulangerie-dupont', urlPattern: null, createdAt: 1 };
const platformRule: RuleRecord = { id: 'r2', clientId: 'dupont', platform: 'facebook', account: null, urlPattern: null, createdAt: 2 };

describe('what the popup says about the page in front of the user', () => {
  it('takes the tracked session as it is', () => {
    const session = { ...dupontPage, id: 's', start: 0, end: 1, clientId: 'dupont', assignedBy: 'rule' as const, ruleId: 'r1', page: null };
    expect(currentAttribution({ kind: 'tracking', session }, [], [dupont], null, 0)).toMatchObject({ clientId: 'dupont', assignedBy: 'rule', ruleId: 'r1' });
  });

  it('works out where the time of a page waiting for input would go', () => {
    expect(currentAttribution({ kind: 'waiting', context: dupontPage }, [accountRule], [dupont], null, 0)).toMatchObject({ clientId: 'dupont', assignedBy: 'rule', ruleId: 'r1' });
    expect(currentAttribution({ kind: 'idle', context: dupontPage }, [], [dupont], { clientId: 'dupont', until: null }, 0)).toMatchObject({ assignedBy: 'override' });
    expect(currentAttribution({ kind: 'idle', context: dupontPage }, [accountRule], [{ ...dupont, archived: true }], null, 0)).toMatchObject({ clientId: null, assignedBy: null });
    expect(currentAttribution({ kind: 'not-tracked' }, [accountRule], [dupont], null, 0)).toBeNull();
  });

  it('offers "This account belongs to…" for unassigned time only: never beside a rule that already sends the page to a client', () => {
    const rules = [[accountRule], [platformRule], []];
    const offered = rules.map((r) => offersAssignment(currentAttribution({ kind: 'waiting', context: dupontPage }, r, [dupont], null, 0)!));
    expect(offered).toEqual([false, false, true]);
    expect(offersAssignment(currentAttribution({ kind: 'waiting', context: dupontPage }, [], [dupont], { clientId: 'dupont', until: null }, 0)!)).toBe(false);
  });
});
