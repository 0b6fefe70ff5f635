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
import { PLATFORM_DOMAINS } from './domains';
import { customSitePlatform } from './sites/custom';
import type { CustomSite } from '../sites/custom-site';
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

export const PLATFORM_IDS: readonly PlatformId[] = [...(Object.keys(PLATFORM_DOMAINS) as PlatformId[]), 'mastodon'];

export function platformName(id: string, customSites: readonly CustomSite[] = []): string {
  if (id === 'mastodon') return 'Mastodon';
  if (id === 'manual') return 'manual';
  return BUILT_IN_PLATFORMS.find((p) => p.id === id)?.name ?? customSites.find((s) => s.id === id)?.name ?? id.replace(/^site:/, '');
}

/** Is this host (or a parent of it) a built-in platform's? Such a host cannot be added as a custom site. */
export function isCatalogueHost(host: string): boolean {
  return BUILT_IN_PLATFORMS.some((p) => p.domains.some((d) => host === d || host.endsWith(`.${d}`)));
}

export interface CatalogueOptions {
  /** Platforms the user switched off. */
  disabled?: readonly string[];
  /** Mastodon-style servers the user named, as bare hostnames. */
  mastodonServers?: readonly string[];
  /** Sites the user added: tracked like platforms, under their own ids. */
  customSites?: readonly CustomSite[];
}

export function buildCatalogue(options: CatalogueOptions = {}): PlatformDefinition[] {
  const disabled = new Set(options.disabled ?? []);
  const all = [...BUILT_IN_PLATFORMS];
  if (options.mastodonServers && options.mastodonServers.length > 0) {
    all.push(mastodon(options.mastodonServers));
  }
  for (const site of options.customSites ?? []) all.push(customSitePlatform(site));
  return all.filter((p) => !disabled.has(p.id));
}
