import type { PlatformDefinition } from '../types';
import { pathSegments, reading } from '../url-parts';

/**
 * Mastodon has no fixed domain: the user names their servers in the settings, and the
 * catalogue is built with them (see `buildCatalogue`). Profiles are `/@user` for local
 * accounts and `/@user@other.server` for remote ones; the account is always `user@server`.
 */
export function mastodon(servers: readonly string[]): PlatformDefinition {
  return {
    id: 'mastodon',
    name: 'Mastodon',
    domains: servers,
    read(url) {
      let segments = pathSegments(url);
      if (segments[0] === 'deck' || segments[0] === 'web') segments = segments.slice(1);
      const [first] = segments;
      if (first?.startsWith('@') && first.length > 1) {
        const [user, server] = first.slice(1).split('@');
        return reading(`${user}@${server ?? url.hostname}`.toLowerCase());
      }
      const head = first?.toLowerCase();
      if (head === 'notifications') return reading(null, 'comments');
      if (head === 'conversations') return reading(null, 'messages');
      if (head === 'publish') return reading(null, 'publishing');
      return reading(null);
    },
  };
}
