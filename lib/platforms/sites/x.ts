import { PLATFORM_DOMAINS } from '../domains';
import type { PlatformDefinition } from '../types';
import { pathSegments, reading } from '../url-parts';

/** Reserved first segments: X's own sections, never a handle. */
const NOT_ACCOUNTS = new Set([
  'home', 'explore', 'i', 'messages', 'notifications', 'search', 'settings', 'compose',
  'login', 'logout', 'signup', 'tos', 'privacy', 'jobs', 'hashtag', 'account', 'intent',
  'share', 'bookmarks', 'lists', 'communities', 'premium', 'verified', 'about', 'help',
  'download', 'en', 'fr', 'following', 'followers', 'topics', 'search-advanced', 'rules',
]);

/** Handles: letters, digits and underscores, at most 15. */
const HANDLE = /^[A-Za-z0-9_]{1,15}$/;

export const x: PlatformDefinition = {
  id: 'x',
  name: 'X',
  domains: PLATFORM_DOMAINS.x,
  read(url) {
    const host = url.hostname;
    if (host.startsWith('ads.') || host.startsWith('ads-api.')) return reading(null, 'ads');
    if (host.startsWith('analytics.')) return reading(null, 'insights');
    const [first, second] = pathSegments(url);
    if (!first) return reading(null);
    const head = first.toLowerCase();
    if (head === 'messages') return reading(null, 'messages');
    if (head === 'notifications') return reading(null, 'comments');
    if (head === 'compose' || (head === 'intent' && ['tweet', 'post'].includes(second?.toLowerCase() ?? ''))) {
      return reading(null, 'publishing');
    }
    if (head === 'i') {
      const section = second?.toLowerCase();
      if (section === 'account_analytics') return reading(null, 'insights');
      if (section === 'chat') return reading(null, 'messages');
      return reading(null);
    }
    if (NOT_ACCOUNTS.has(head) || !HANDLE.test(first)) return reading(null);
    return reading(head);
  },
};
