import { PLATFORM_DOMAINS } from '../domains';
import type { PlatformDefinition } from '../types';
import { pathSegments, reading } from '../url-parts';
import { metaAsset, readMetaLatest } from './meta-latest';

export const metaBusiness: PlatformDefinition = {
  id: 'meta-business',
  name: 'Meta Business Suite',
  domains: PLATFORM_DOMAINS['meta-business'],
  read(url) {
    const segments = pathSegments(url);
    if (url.hostname.startsWith('adsmanager.') || segments[0]?.toLowerCase() === 'adsmanager') {
      return reading(metaAsset(url), 'ads');
    }
    return readMetaLatest(url, segments);
  },
};
