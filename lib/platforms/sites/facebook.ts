import { PLATFORM_DOMAINS } from '../domains';
import type { ActivityKind, PlatformDefinition } from '../types';
import { activityFromKeywords, pathSegments, reading } from '../url-parts';
import { readMetaLatest } from './meta-latest';

/** First path segments that are Facebook's own sections, never a page or a profile. */
const NOT_ACCOUNTS = new Set([
  'home.php', 'watch', 'marketplace', 'gaming', 'notifications', 'messages', 'friends',
  'events', 'bookmarks', 'settings', 'search', 'saved', 'memories', 'reel', 'reels',
  'stories', 'photo', 'photo.php', 'photos', 'video.php', 'videos', 'login', 'login.php',
  'logout.php', 'help', 'privacy', 'policies', 'pages', 'feeds', 'hashtag', 'live',
  'fundraisers', 'jobs', 'onthisday', 'dialog', 'sharer', 'sharer.php', 'share', 'composer',
  'checkpoint', 'me', 'business', 'ads', 'adsmanager', 'latest', 'games', 'news',
  'coronavirus_info', 'recover', 'reg', 'r.php', 'campaign', 'l.php', 'legal', 'terms',
  'about', 'careers', 'find-friends', 'permalink.php', 'story.php', 'profile.php', 'people',
  'groups', 'pg', 'commerce', 'payments', 'your_activity', 'professional_dashboard',
  'media', 'notes', 'places', 'offers', 'developers', 'instantgames', 'privacy_center',
]);

const PAGE_ACTIVITIES: ReadonlyArray<readonly [ActivityKind, readonly string[]]> = [
  ['messages', ['inbox', 'messages']],
  ['comments', ['notifications', 'comments', 'reviews']],
  ['ads', ['ads', 'ad_center', 'boosted_posts', 'promotions']],
  ['insights', ['insights', 'professional_dashboard', 'analytics']],
  ['publishing', ['publishing_tools', 'composer', 'scheduled_posts', 'drafts', 'content_library']],
];

function numericParam(url: URL, name: string): string | null {
  const value = url.searchParams.get(name);
  return value && /^\d+$/.test(value) ? value : null;
}

export const facebook: PlatformDefinition = {
  id: 'facebook',
  name: 'Facebook',
  domains: PLATFORM_DOMAINS.facebook,
  read(url) {
    const segments = pathSegments(url);
    const [first, second, third] = segments;
    if (!first) return reading(null);
    const head = first.toLowerCase();
    const withComment = (account: string | null) =>
      reading(account, url.searchParams.has('comment_id') ? 'comments' : activityFromKeywords(segments.slice(1), PAGE_ACTIVITIES));

    if (head === 'latest') return readMetaLatest(url, segments);
    if (head === 'profile.php') return withComment(numericParam(url, 'id'));
    if (head === 'permalink.php' || head === 'story.php') return withComment(numericParam(url, 'id'));
    if (head === 'groups') {
      const group = second && !['feed', 'discover', 'joins', 'create', 'notifications'].includes(second.toLowerCase());
      return withComment(group ? `groups/${second.toLowerCase()}` : null);
    }
    if (head === 'people' && third && /^\d+$/.test(third)) return withComment(third);
    if (head === 'pg' && second) return withComment(second.toLowerCase());
    if (head === 'messages') return reading(null, 'messages');
    if (head === 'notifications') return reading(null, 'comments');
    if (head === 'ads' || head === 'adsmanager') return reading(null, 'ads');
    if (head === 'professional_dashboard') return reading(null, 'insights');
    if (NOT_ACCOUNTS.has(head)) return reading(null);
    // Page vanity names are case-insensitive; the numeric form `Name-123456` is kept whole.
    if (!/^[\p{L}\p{N}.\-_]+$/u.test(first)) return reading(null);
    return withComment(head);
  },
};
