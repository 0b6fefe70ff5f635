import { bluesky } from './sites/bluesky';
import { facebook } from './sites/facebook';
import { instagram } from './sites/instagram';
import { linkedin } from './sites/linkedin';
import { mastodon } from './sites/mastodon';
import { metaBusiness } from './sites/meta-business';
import { pinterest } from './sites/pinterest';
import { reddit } from './sites/reddit';
import { threads } from './sites/threads';
import { tiktok } from './sites/tiktok';
import { x } from './sites/x';
import { youtube } from './sites/youtube';
import type { PlatformDefinition, PlatformId } from './types';

/** The platforms with fixed domains, in the order the settings list them. */
export const BUILT_IN_PLATFORMS: readonly PlatformDefinition[] = [
  facebook,
  metaBusiness,
  instagram,
  linkedin,
  x,
  tiktok,
  youtube,
  pinterest,
  threads,
  bluesky,
  reddit,
];

export const PLATFORM_IDS: readonly PlatformId[] = [...BUILT_IN_PLATFORMS.map((p) => p.id), 'mastodon'];

export function platformName(id: string): string {
  if (id === 'mastodon') return 'Mastodon';
  return BUILT_IN_PLATFORMS.find((p) => p.id === id)?.name ?? id;
}

export interface CatalogueOptions {
  /** Platforms the user switched off. */
  disabled?: readonly string[];
  /** Mastodon-style servers the user named, as bare hostnames. */
  mastodonServers?: readonly string[];
}

export function buildCatalogue(options: CatalogueOptions = {}): PlatformDefinition[] {
  const disabled = new Set(options.disabled ?? []);
  const all = [...BUILT_IN_PLATFORMS];
  if (options.mastodonServers && options.mastodonServers.length > 0) {
    all.push(mastodon(options.mastodonServers));
  }
  return all.filter((p) => !disabled.has(p.id));
}
