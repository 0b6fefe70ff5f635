import { PLATFORM_DOMAINS } from '../domains';
import type { ActivityKind, PlatformDefinition } from '../types';
import { activityFromKeywords, pathSegments, reading } from '../url-parts';

/** Sections whose second segment names an account, kept with their prefix: `company/acme`. */
const ACCOUNT_SECTIONS = new Set(['company', 'showcase', 'in', 'school', 'groups']);

const ADMIN_ACTIVITIES: ReadonlyArray<readonly [ActivityKind, readonly string[]]> = [
  ['messages', ['inbox', 'messaging']],
  ['comments', ['notifications', 'comments', 'mentions']],
  ['ads', ['ads', 'campaigns', 'boost']],
  ['insights', ['analytics', 'insights', 'visitors', 'followers', 'competitors', 'leads']],
  ['publishing', ['page-posts', 'posts', 'scheduled', 'drafts', 'content', 'events', 'newsletters']],
];

export const linkedin: PlatformDefinition = {
  id: 'linkedin',
  name: 'LinkedIn',
  domains: PLATFORM_DOMAINS.linkedin,
  read(url) {
    const segments = pathSegments(url);
    const [first, second] = segments;
    const head = first?.toLowerCase();
    if (!head || head === 'feed') return reading(null);
    if (head === 'messaging') return reading(null, 'messages');
    if (head === 'notifications') return reading(null, 'comments');
    if (head === 'campaignmanager') return reading(null, 'ads');
    if (head === 'analytics' || head === 'dashboard') return reading(null, 'insights');
    if (head === 'post' && second?.toLowerCase() === 'new') return reading(null, 'publishing');
    if (ACCOUNT_SECTIONS.has(head) && second) {
      const account = `${head}/${second.toLowerCase()}`;
      const rest = segments.slice(2).map((s) => s.toLowerCase());
      if (rest[0] === 'admin') return reading(account, activityFromKeywords(rest.slice(1), ADMIN_ACTIVITIES));
      return reading(account);
    }
    return reading(null);
  },
};
