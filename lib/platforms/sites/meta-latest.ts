import type { ActivityKind, PageReading } from '../types';
import { activityFromKeywords, reading } from '../url-parts';

/**
 * Meta Business Suite's `/latest/…` views, served on business.facebook.com and on
 * www.facebook.com alike. The page being managed is named by `asset_id`, the business by
 * `business_id`.
 */
const LATEST_ACTIVITIES: ReadonlyArray<readonly [ActivityKind, readonly string[]]> = [
  ['messages', ['inbox']],
  ['comments', ['notifications', 'comments']],
  ['ads', ['ads', 'ad_center', 'adsmanager', 'campaigns', 'billing']],
  ['insights', ['insights', 'analytics', 'results', 'benchmarking']],
  [
    'publishing',
    ['posts', 'composer', 'content_calendar', 'planner', 'content_management', 'publishing_tools', 'stories', 'reels'],
  ],
];

export function readMetaLatest(url: URL, segments: readonly string[]): PageReading {
  return reading(metaAsset(url), activityFromKeywords(segments, LATEST_ACTIVITIES));
}

export function metaAsset(url: URL): string | null {
  const asset = url.searchParams.get('asset_id');
  if (asset && /^\d+$/.test(asset)) return asset;
  const business = url.searchParams.get('business_id');
  if (business && /^\d+$/.test(business)) return `business/${business}`;
  const adAccount = url.searchParams.get('act');
  if (adAccount && /^\d+$/.test(adAccount)) return `act/${adAccount}`;
  return null;
}
