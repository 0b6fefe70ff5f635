import { PLATFORM_DOMAINS } from '../domains';
import type { PlatformDefinition } from '../types';
import { pathSegments, reading } from '../url-parts';

const NOT_ACCOUNTS = new Set([
  'p', 'reel', 'reels', 'tv', 'explore', 'direct', 'accounts', 'about', 'legal', 'developer',
  'emails', 'challenge', 'web', 'ar', 'create', 'your_activity', 'session', 'oauth',
  'privacy', 'terms', 'press', 'api', 'login', 'signup', 'static', 'graphql', 'topics',
  'locations', 'insights', 'ads', 'professional_dashboard', 'notifications', 'threads',
]);

/** Instagram usernames: letters, digits, periods and underscores, at most 30. */
const HANDLE = /^[A-Za-z0-9._]{1,30}$/;

export const instagram: PlatformDefinition = {
  id: 'instagram',
  name: 'Instagram',
  domains: PLATFORM_DOMAINS.instagram,
  read(url) {
    const [first, second] = pathSegments(url);
    if (!first) return reading(null);
    const head = first.toLowerCase();
    if (head === 'direct') return reading(null, 'messages');
    if (head === 'create') return reading(null, 'publishing');
    if (head === 'notifications') return reading(null, 'comments');
    if (head === 'accounts') {
      const section = second?.toLowerCase();
      if (section === 'activity') return reading(null, 'comments');
      if (section === 'insights' || section === 'professional_dashboard') return reading(null, 'insights');
      return reading(null);
    }
    if (head === 'insights' || head === 'professional_dashboard') return reading(null, 'insights');
    if (head === 'ads') return reading(null, 'ads');
    if (head === 'stories' && second && HANDLE.test(second) && second !== 'highlights') {
      return reading(second.toLowerCase());
    }
    if (NOT_ACCOUNTS.has(head) || !HANDLE.test(first)) return reading(null);
    return reading(head);
  },
};
