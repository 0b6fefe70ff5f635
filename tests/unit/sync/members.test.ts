import { describe, expect, it } from 'vitest';
import { memberResolver } from '../../../lib/sync/members';

const self = { id: 'laptop', name: 'Laptop', member: 'Marie', lastSeenAt: null };
const devices = [self, { id: 'desk', name: 'Desk', member: 'Marie', lastSeenAt: 1 }, { id: 'lucas', name: 'Lucas PC', member: 'Lucas', lastSeenAt: 2 }];

describe('whose time a session is', () => {
  it('is nobody’s in particular when the browser syncs with nobody', () => {
    expect(memberResolver([], null)).toBeNull();
  });

  it.each([
    ['recorded here, not yet published', undefined, 'Marie'],
    ['recorded here, published', 'laptop', 'Marie'],
    ['another device of the same member', 'desk', 'Marie'],
    ['another member', 'lucas', 'Lucas'],
    ['a device whose files were not read yet', 'zz9', 'zz9'],
  ])('%s', (_name, recordedBy, member) => {
    expect(memberResolver(devices, self)!(recordedBy)).toBe(member);
  });
});
