import { PLATFORM_DOMAINS } from '../domains';
import type { PlatformDefinition } from '../types';
import { pathSegments, reading } from '../url-parts';

export const reddit: PlatformDefinition = {
  id: 'reddit',
  name: 'Reddit',
  domains: PLATFORM_DOMAINS.reddit,
  read(url) {
    if (url.hostname.startsWith('chat.')) return reading(null, 'messages');
    if (url.hostname.startsWith('ads.')) return reading(null, 'ads');
    const segments = pathSegments(url).map((s) => s.toLowerCase());
    const [first, second, third] = segments;
    if (!first) return reading(null);
    const submitting = segments.includes('submit');
    if (first === 'r' && second) {
      const account = `r/${second}`;
      if (submitting) return reading(account, 'publishing');
      if (third === 'about' && segments.some((s) => ['modqueue', 'unmoderated', 'reports'].includes(s))) {
        return reading(account, 'comments');
      }
      if (third === 'about' && segments.includes('insights')) return reading(account, 'insights');
      return reading(account);
    }
    if ((first === 'u' || first === 'user') && second) {
      return reading(`u/${second}`, submitting ? 'publishing' : 'browsing');
    }
    if (first === 'submit') return reading(null, 'publishing');
    if (first === 'message' || first === 'chat') return reading(null, 'messages');
    if (first === 'notifications') return reading(null, 'comments');
    return reading(null);
  },
};
