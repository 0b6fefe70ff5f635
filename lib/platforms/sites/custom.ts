import { compileAccountPattern, type CustomSite } from '../../sites/custom-site';
import type { PlatformDefinition } from '../types';
import { reading } from '../url-parts';

/** A site the user added, read with the account pattern they gave (or none). */
export function customSitePlatform(site: CustomSite): PlatformDefinition {
  const pattern = site.accountPattern ? compileAccountPattern(site.accountPattern) : null;
  return {
    id: site.id,
    name: site.name,
    domains: [site.host],
    read(url) {
      if (!pattern) return reading(null);
      const host = url.hostname.toLowerCase().replace(/^www\./, '');
      const match = pattern.exec(`${host}${url.pathname}${url.search}`.toLowerCase());
      return reading(match?.[1] ? decodeURIComponent(match[1]) : null);
    },
  };
}
