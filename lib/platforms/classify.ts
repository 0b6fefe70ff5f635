import { buildCatalogue, type CatalogueOptions } from './catalogue';
import type { PageContext, PlatformDefinition } from './types';

function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** The entry whose longest domain covers the host: `business.facebook.com` beats `facebook.com`. */
function findPlatform(host: string, catalogue: readonly PlatformDefinition[]): PlatformDefinition | null {
  let best: PlatformDefinition | null = null;
  let bestLength = 0;
  for (const platform of catalogue) {
    for (const domain of platform.domains) {
      if (domain.length > bestLength && hostMatches(host, domain)) {
        best = platform;
        bestLength = domain.length;
      }
    }
  }
  return best;
}

export type UrlClassifier = (url: string | undefined) => PageContext | null;

/**
 * Builds the function that reads a page context from a URL. Anything that is not an
 * https (or http) page of a tracked platform gives null: extension pages, new tabs,
 * malformed strings, other sites.
 */
export function createClassifier(options: CatalogueOptions = {}): UrlClassifier {
  const catalogue = buildCatalogue(options);
  return (raw) => {
    if (!raw) return null;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return null;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    const host = url.hostname.toLowerCase().replace(/\.$/, '');
    const platform = findPlatform(host, catalogue);
    if (!platform) return null;
    const { account, activity } = platform.read(url);
    return { platform: platform.id, account, activity };
  };
}
