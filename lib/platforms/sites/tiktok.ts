import { PLATFORM_DOMAINS } from '../domains';
import type { ActivityKind, PlatformDefinition } from '../types';
import { activityFromKeywords, atHandle, pathSegments, reading } from '../url-parts';

const STUDIO_ACTIVITIES: ReadonlyArray<readonly [ActivityKind, readonly string[]]> = [
  ['comments', ['comment', 'comments']],
  ['insights', ['analytics']],
  ['publishing', ['upload', 'content', 'post', 'drafts']],
];

export const tiktok: PlatformDefinition = {
  id: 'tiktok',
  name: 'TikTok',
  domains: PLATFORM_DOMAINS.tiktok,
  read(url) {
    if (url.hostname.startsWith('ads.')) return reading(null, 'ads');
    const segments = pathSegments(url);
    const [first] = segments;
    const head = first?.toLowerCase();
    if (!head) return reading(null);
    const handle = atHandle(first);
    if (handle) return reading(handle);
    if (head === 'tiktokstudio' || head === 'creator-center') {
      const activity = activityFromKeywords(segments.slice(1), STUDIO_ACTIVITIES);
      return reading(null, activity === 'browsing' ? 'publishing' : activity);
    }
    if (head === 'upload') return reading(null, 'publishing');
    if (head === 'messages') return reading(null, 'messages');
    if (head === 'inbox' || head === 'notifications') return reading(null, 'comments');
    return reading(null);
  },
};
