import { PLATFORM_DOMAINS } from '../domains';
import type { ActivityKind, PlatformDefinition } from '../types';
import { activityFromKeywords, atHandle, pathSegments, reading } from '../url-parts';

const STUDIO_ACTIVITIES: ReadonlyArray<readonly [ActivityKind, readonly string[]]> = [
  ['comments', ['comments']],
  ['insights', ['analytics', 'monetization', 'earn']],
  ['publishing', ['videos', 'content', 'editing', 'livestreaming', 'playlists', 'upload', 'video']],
];

/** Channel ids are case-sensitive (`UC…`); handles and legacy names are not. */
function channelAccount(section: string, value: string | undefined): string | null {
  if (!value) return null;
  return section === 'channel' ? `channel/${value}` : `${section}/${value.toLowerCase()}`;
}

export const youtube: PlatformDefinition = {
  id: 'youtube',
  name: 'YouTube',
  domains: PLATFORM_DOMAINS.youtube,
  read(url) {
    const segments = pathSegments(url);
    const [first, second] = segments;
    if (url.hostname.startsWith('studio.')) {
      const account = first === 'channel' ? channelAccount('channel', second) : null;
      const activity = activityFromKeywords(segments.slice(2), STUDIO_ACTIVITIES);
      return reading(account, activity === 'browsing' ? 'publishing' : activity);
    }
    if (!first) return reading(null);
    const handle = atHandle(first);
    if (handle) return reading(handle);
    const head = first.toLowerCase();
    if (head === 'channel' || head === 'c' || head === 'user') return reading(channelAccount(head, second));
    if (head === 'upload') return reading(null, 'publishing');
    return reading(null);
  },
};
