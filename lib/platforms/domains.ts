import type { PlatformId } from './types';

/**
 * The domains of each built-in platform, with all their subdomains. Kept apart from the URL
 * readers so that the content script and the manifest get the host list without the parsers.
 */
export const PLATFORM_DOMAINS = {
  facebook: ['facebook.com', 'fb.com'],
  'meta-business': ['business.facebook.com', 'adsmanager.facebook.com'],
  instagram: ['instagram.com'],
  linkedin: ['linkedin.com'],
  x: ['x.com', 'twitter.com'],
  tiktok: ['tiktok.com'],
  youtube: ['youtube.com'],
  pinterest: [
    'pinterest.com', 'pinterest.fr', 'pinterest.ca', 'pinterest.ch', 'pinterest.de',
    'pinterest.es', 'pinterest.it', 'pinterest.at', 'pinterest.pt', 'pinterest.co.uk',
    'pinterest.com.au', 'pinterest.com.mx', 'pinterest.ie', 'pinterest.nz', 'pinterest.jp',
    'pinterest.se', 'pinterest.dk', 'pinterest.cl', 'pinterest.ph', 'pinterest.co.kr',
  ],
  threads: ['threads.net', 'threads.com'],
  bluesky: ['bsky.app'],
  reddit: ['reddit.com'],
} as const satisfies Record<Exclude<PlatformId, 'mastodon'>, readonly string[]>;

/**
 * Match patterns covering every built-in platform (host permissions, content scripts).
 * A domain already covered by another (`business.facebook.com` under `facebook.com`) adds none.
 */
export function builtInMatchPatterns(): string[] {
  const domains: string[] = Object.values(PLATFORM_DOMAINS).flat();
  const roots = domains.filter((d) => !domains.some((other) => other !== d && d.endsWith(`.${other}`)));
  return roots.map((domain) => `https://*.${domain}/*`);
}
