import { PLATFORM_DOMAINS } from '../domains';
import type { PlatformDefinition } from '../types';
import { atHandle, pathSegments, reading } from '../url-parts';

export const threads: PlatformDefinition = {
  id: 'threads',
  name: 'Threads',
  domains: PLATFORM_DOMAINS.threads,
  read(url) {
    const [first] = pathSegments(url);
    const handle = atHandle(first);
    if (handle) return reading(handle);
    const head = first?.toLowerCase();
    if (head === 'activity') return reading(null, 'comments');
    if (head === 'insights') return reading(null, 'insights');
    return reading(null);
  },
};
