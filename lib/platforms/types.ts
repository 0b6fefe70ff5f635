/** Catalogue ids: stable, they appear in the CSV export's `platform` column. */
export type PlatformId =
  | 'facebook'
  | 'meta-business'
  | 'instagram'
  | 'linkedin'
  | 'x'
  | 'tiktok'
  | 'youtube'
  | 'pinterest'
  | 'threads'
  | 'bluesky'
  | 'reddit'
  | 'mastodon';

export const ACTIVITY_KINDS = [
  'publishing',
  'messages',
  'comments',
  'ads',
  'insights',
  'browsing',
] as const;

export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** What one URL says: where the user is, on whose account, doing what. */
export interface PageContext {
  /** A catalogue id, or `site:host` for a site the user added. */
  platform: PlatformId | `site:${string}`;
  /** The account the URL names, or null for a home feed, a search, an inbox of one's own. */
  account: string | null;
  activity: ActivityKind;
}

export interface PageReading {
  account: string | null;
  activity: ActivityKind;
}

export interface PlatformDefinition {
  id: PlatformId | `site:${string}`;
  /** Shown to the user. */
  name: string;
  /**
   * Domains with all their subdomains (www., m., fr-fr., …). When two entries claim a host,
   * the longer domain wins: `business.facebook.com` is Meta Business Suite, not Facebook.
   */
  domains: readonly string[];
  /** Reads the account and the activity from a URL whose host is one of `domains`. */
  read(url: URL): PageReading;
}
