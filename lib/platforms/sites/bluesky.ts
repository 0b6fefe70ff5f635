import { PLATFORM_DOMAINS } from '../domains';
import type { PlatformDefinition } from '../types';
import { pathSegments, reading } from '../url-parts';

export const bluesky: PlatformDefinition = {
  id: 'bluesky',
  name: 'Bluesky',
  domains: PLATFORM_DOMAINS.bluesky,
  read(url) {
    const [first, second] = pathSegments(url);
    const head = first?.toLowerCase();
    if (head === 'profile' && second) {
      // A DID (`did:plc:…`) is case-sensitive; a domain handle is not.
      return reading(second.startsWith('did:') ? second : second.toLowerCase());
    }
    if (head === 'notifications') return reading(null, 'comments');
    if (head === 'messages') return reading(null, 'messages');
    return reading(null);
  },
};
