import { PLATFORM_DOMAINS } from '../domains';
import type { PlatformDefinition } from '../types';
import { pathSegments, reading } from '../url-parts';

const NOT_ACCOUNTS = new Set([
  'pin', 'search', 'ideas', 'today', 'settings', 'business', '_', 'analytics', 'pin-builder',
  'pin-creation-tool', 'idea-pin-builder', 'news_hub', 'notifications', 'inbox', 'login',
  'logout', 'signup', 'about', 'explore', 'videos', 'homefeed', 'resource', 'oauth',
  'password', 'secure', 'edit', 'shopping', 'categories', 'topics', 'messages',
]);

const USERNAME = /^[A-Za-z0-9_]{3,30}$/;

export const pinterest: PlatformDefinition = {
  id: 'pinterest',
  name: 'Pinterest',
  domains: PLATFORM_DOMAINS.pinterest,
  read(url) {
    if (url.hostname.startsWith('ads.')) return reading(null, 'ads');
    if (url.hostname.startsWith('analytics.')) return reading(null, 'insights');
    const [first, second] = pathSegments(url);
    if (!first) return reading(null);
    const head = first.toLowerCase();
    if (head === 'pin-builder' || head === 'pin-creation-tool' || head === 'idea-pin-builder') {
      return reading(null, 'publishing');
    }
    if (head === 'analytics' || (head === 'business' && second?.toLowerCase() === 'hub')) {
      return reading(null, 'insights');
    }
    if (head === 'inbox' || head === 'messages') return reading(null, 'messages');
    if (head === 'notifications' || head === 'news_hub') return reading(null, 'comments');
    if (NOT_ACCOUNTS.has(head) || !USERNAME.test(first)) return reading(null);
    return reading(head);
  },
};
