import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../../lib/platforms/classify';
import type { ActivityKind, PlatformId } from '../../../lib/platforms/types';

type Row = [url: string, platform: PlatformId | null, account?: string | null, activity?: ActivityKind];

const classify = createClassifier({ mastodonServers: ['mastodon.social', 'piaille.fr'] });

function check(rows: Row[]) {
  it.each(rows)('%s', (url, platform, account = null, activity = 'browsing') => {
    const context = classify(url);
    if (platform === null) {
      expect(context).toBeNull();
    } else {
      expect(context).toEqual({ platform, account, activity });
    }
  });
}

describe('Facebook', () => {
  check([
    ['https://www.facebook.com/', 'facebook'],
    ['https://www.facebook.com/boulangerie-dupont', 'facebook', 'boulangerie-dupont'],
    ['https://www.facebook.com/Boulangerie-Dupont/', 'facebook', 'boulangerie-dupont'],
    ['https://m.facebook.com/boulangerie-dupont/posts/123456?ref=share', 'facebook', 'boulangerie-dupont'],
    ['https://fr-fr.facebook.com/boulangerie.dupont', 'facebook', 'boulangerie.dupont'],
    ['https://web.facebook.com/boulangerie-dupont/photos', 'facebook', 'boulangerie-dupont'],
    ['https://www.facebook.com/profile.php?id=100012345678901', 'facebook', '100012345678901'],
    ['https://www.facebook.com/profile.php?id=100012345678901&sk=about', 'facebook', '100012345678901'],
    ['https://www.facebook.com/profile.php', 'facebook'],
    ['https://www.facebook.com/groups/boulangeriefans/', 'facebook', 'groups/boulangeriefans'],
    ['https://www.facebook.com/groups/1234567890/posts/987/', 'facebook', 'groups/1234567890'],
    ['https://www.facebook.com/groups/feed/', 'facebook'],
    ['https://www.facebook.com/people/Jean-Dupont/100087654321/', 'facebook', '100087654321'],
    ['https://www.facebook.com/permalink.php?story_fbid=55&id=100012345678901', 'facebook', '100012345678901'],
    ['https://www.facebook.com/boulangerie-dupont/posts/1?comment_id=77', 'facebook', 'boulangerie-dupont', 'comments'],
    ['https://www.facebook.com/boulangerie-dupont/inbox', 'facebook', 'boulangerie-dupont', 'messages'],
    ['https://www.facebook.com/boulangerie-dupont/insights/?section=navPosts', 'facebook', 'boulangerie-dupont', 'insights'],
    ['https://www.facebook.com/boulangerie-dupont/ad_center', 'facebook', 'boulangerie-dupont', 'ads'],
    ['https://www.facebook.com/boulangerie-dupont/publishing_tools', 'facebook', 'boulangerie-dupont', 'publishing'],
    ['https://www.facebook.com/messages/t/123', 'facebook', null, 'messages'],
    ['https://www.facebook.com/notifications', 'facebook', null, 'comments'],
    ['https://www.facebook.com/watch/?v=123', 'facebook'],
    ['https://www.facebook.com/marketplace/item/1', 'facebook'],
    ['https://www.facebook.com/photo/?fbid=1&set=a.2', 'facebook'],
    ['https://www.facebook.com/latest/inbox/all?asset_id=1122334455', 'facebook', '1122334455', 'messages'],
    ['https://www.facebook.com/ads/manager', 'facebook', null, 'ads'],
  ]);
});

describe('Meta Business Suite', () => {
  check([
    ['https://business.facebook.com/latest/home?asset_id=1122334455&business_id=998877', 'meta-business', '1122334455'],
    ['https://business.facebook.com/latest/home?business_id=998877', 'meta-business', 'business/998877'],
    ['https://business.facebook.com/latest/inbox/all?asset_id=1122334455', 'meta-business', '1122334455', 'messages'],
    ['https://business.facebook.com/latest/content_calendar?asset_id=1122334455', 'meta-business', '1122334455', 'publishing'],
    ['https://business.facebook.com/latest/posts/published_posts?asset_id=11', 'meta-business', '11', 'publishing'],
    ['https://business.facebook.com/latest/insights/overview?asset_id=11', 'meta-business', '11', 'insights'],
    ['https://business.facebook.com/latest/notifications?asset_id=11', 'meta-business', '11', 'comments'],
    ['https://business.facebook.com/latest/ad_center?asset_id=11', 'meta-business', '11', 'ads'],
    ['https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=4455', 'meta-business', 'act/4455', 'ads'],
    ['https://business.facebook.com/latest/home?asset_id=not-a-number', 'meta-business'],
  ]);
});

describe('Instagram', () => {
  check([
    ['https://www.instagram.com/', 'instagram'],
    ['https://www.instagram.com/boulangerie.dupont/', 'instagram', 'boulangerie.dupont'],
    ['https://instagram.com/Boulangerie_Dupont?hl=fr', 'instagram', 'boulangerie_dupont'],
    ['https://www.instagram.com/boulangerie.dupont/reels/', 'instagram', 'boulangerie.dupont'],
    ['https://www.instagram.com/boulangerie.dupont/p/CxYz123/', 'instagram', 'boulangerie.dupont'],
    ['https://www.instagram.com/p/CxYz123/', 'instagram'],
    ['https://www.instagram.com/reel/CxYz123/?igsh=abc', 'instagram'],
    ['https://www.instagram.com/explore/tags/croissant/', 'instagram'],
    ['https://www.instagram.com/direct/inbox/', 'instagram', null, 'messages'],
    ['https://www.instagram.com/direct/t/1234567/', 'instagram', null, 'messages'],
    ['https://www.instagram.com/stories/boulangerie.dupont/3141592/', 'instagram', 'boulangerie.dupont'],
    ['https://www.instagram.com/accounts/activity/', 'instagram', null, 'comments'],
    ['https://www.instagram.com/accounts/edit/', 'instagram'],
    ['https://www.instagram.com/create/select/', 'instagram', null, 'publishing'],
  ]);
});

describe('LinkedIn', () => {
  check([
    ['https://www.linkedin.com/feed/', 'linkedin'],
    ['https://www.linkedin.com/company/acme-conseil/', 'linkedin', 'company/acme-conseil'],
    ['https://fr.linkedin.com/company/acme-conseil?trk=public', 'linkedin', 'company/acme-conseil'],
    ['https://www.linkedin.com/company/1234567/admin/', 'linkedin', 'company/1234567'],
    ['https://www.linkedin.com/company/acme-conseil/admin/dashboard/', 'linkedin', 'company/acme-conseil'],
    ['https://www.linkedin.com/company/acme-conseil/admin/page-posts/published/', 'linkedin', 'company/acme-conseil', 'publishing'],
    ['https://www.linkedin.com/company/acme-conseil/admin/analytics/visitors/', 'linkedin', 'company/acme-conseil', 'insights'],
    ['https://www.linkedin.com/company/acme-conseil/admin/inbox/', 'linkedin', 'company/acme-conseil', 'messages'],
    ['https://www.linkedin.com/company/acme-conseil/admin/notifications/all/', 'linkedin', 'company/acme-conseil', 'comments'],
    ['https://www.linkedin.com/showcase/acme-formation/', 'linkedin', 'showcase/acme-formation'],
    ['https://www.linkedin.com/showcase/acme-formation/admin/analytics/', 'linkedin', 'showcase/acme-formation', 'insights'],
    ['https://www.linkedin.com/in/jeanne-martin-42/', 'linkedin', 'in/jeanne-martin-42'],
    ['https://www.linkedin.com/in/Jeanne-Martin-42/recent-activity/all/', 'linkedin', 'in/jeanne-martin-42'],
    ['https://www.linkedin.com/messaging/thread/2-abc/', 'linkedin', null, 'messages'],
    ['https://www.linkedin.com/notifications/', 'linkedin', null, 'comments'],
    ['https://www.linkedin.com/campaignmanager/accounts/5123/campaigns', 'linkedin', null, 'ads'],
    ['https://www.linkedin.com/post/new/', 'linkedin', null, 'publishing'],
  ]);
});

describe('X', () => {
  check([
    ['https://x.com/home', 'x'],
    ['https://x.com/BoulangerieDup', 'x', 'boulangeriedup'],
    ['https://twitter.com/BoulangerieDup/status/1790000000000000000?s=20', 'x', 'boulangeriedup'],
    ['https://mobile.twitter.com/boulangeriedup/with_replies', 'x', 'boulangeriedup'],
    ['https://x.com/boulangeriedup/', 'x', 'boulangeriedup'],
    ['https://x.com/explore/tabs/for-you', 'x'],
    ['https://x.com/i/bookmarks', 'x'],
    ['https://x.com/i/flow/login', 'x'],
    ['https://x.com/messages/123-456', 'x', null, 'messages'],
    ['https://x.com/notifications/mentions', 'x', null, 'comments'],
    ['https://x.com/compose/post', 'x', null, 'publishing'],
    ['https://x.com/i/account_analytics', 'x', null, 'insights'],
    ['https://ads.x.com/campaign_form/18ce5', 'x', null, 'ads'],
    ['https://x.com/search?q=croissant', 'x'],
  ]);
});

describe('TikTok', () => {
  check([
    ['https://www.tiktok.com/', 'tiktok'],
    ['https://www.tiktok.com/@boulangerie.dupont', 'tiktok', 'boulangerie.dupont'],
    ['https://www.tiktok.com/@Boulangerie.Dupont/video/7300000000000000000?lang=fr', 'tiktok', 'boulangerie.dupont'],
    ['https://m.tiktok.com/@boulangerie.dupont', 'tiktok', 'boulangerie.dupont'],
    ['https://www.tiktok.com/tiktokstudio/upload?from=creator_center', 'tiktok', null, 'publishing'],
    ['https://www.tiktok.com/tiktokstudio/analytics/overview', 'tiktok', null, 'insights'],
    ['https://www.tiktok.com/tiktokstudio/comment', 'tiktok', null, 'comments'],
    ['https://www.tiktok.com/tiktokstudio', 'tiktok', null, 'publishing'],
    ['https://www.tiktok.com/messages?lang=fr', 'tiktok', null, 'messages'],
    ['https://www.tiktok.com/foryou', 'tiktok'],
    ['https://ads.tiktok.com/i18n/dashboard', 'tiktok', null, 'ads'],
  ]);
});

describe('YouTube', () => {
  check([
    ['https://www.youtube.com/', 'youtube'],
    ['https://www.youtube.com/@BoulangerieDupont', 'youtube', 'boulangeriedupont'],
    ['https://m.youtube.com/@boulangeriedupont/videos', 'youtube', 'boulangeriedupont'],
    ['https://www.youtube.com/channel/UCabcDEF123_-xyz', 'youtube', 'channel/UCabcDEF123_-xyz'],
    ['https://www.youtube.com/c/BoulangerieDupont', 'youtube', 'c/boulangeriedupont'],
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s', 'youtube'],
    ['https://www.youtube.com/shorts/abc123', 'youtube'],
    ['https://studio.youtube.com/channel/UCabcDEF123_-xyz', 'youtube', 'channel/UCabcDEF123_-xyz', 'publishing'],
    ['https://studio.youtube.com/channel/UCabcDEF123_-xyz/analytics/tab-overview/period-default', 'youtube', 'channel/UCabcDEF123_-xyz', 'insights'],
    ['https://studio.youtube.com/channel/UCabcDEF123_-xyz/comments/inbox', 'youtube', 'channel/UCabcDEF123_-xyz', 'comments'],
    ['https://studio.youtube.com/channel/UCabcDEF123_-xyz/videos/upload?filter=%5B%5D', 'youtube', 'channel/UCabcDEF123_-xyz', 'publishing'],
  ]);
});

describe('Pinterest', () => {
  check([
    ['https://www.pinterest.com/', 'pinterest'],
    ['https://www.pinterest.com/boulangeriedupont/', 'pinterest', 'boulangeriedupont'],
    ['https://fr.pinterest.com/BoulangerieDupont/viennoiseries/', 'pinterest', 'boulangeriedupont'],
    ['https://www.pinterest.fr/boulangeriedupont/', 'pinterest', 'boulangeriedupont'],
    ['https://www.pinterest.co.uk/boulangeriedupont/_created/', 'pinterest', 'boulangeriedupont'],
    ['https://www.pinterest.com/pin/123456789/', 'pinterest'],
    ['https://www.pinterest.com/pin-creation-tool/', 'pinterest', null, 'publishing'],
    ['https://www.pinterest.com/business/hub/', 'pinterest', null, 'insights'],
    ['https://analytics.pinterest.com/overview/', 'pinterest', null, 'insights'],
    ['https://ads.pinterest.com/advertiser/549/', 'pinterest', null, 'ads'],
    ['https://www.pinterest.com/search/pins/?q=croissant', 'pinterest'],
  ]);
});

describe('Threads', () => {
  check([
    ['https://www.threads.net/', 'threads'],
    ['https://www.threads.net/@boulangerie.dupont', 'threads', 'boulangerie.dupont'],
    ['https://www.threads.com/@Boulangerie.Dupont/post/C8abc', 'threads', 'boulangerie.dupont'],
    ['https://www.threads.net/activity', 'threads', null, 'comments'],
    ['https://www.threads.com/insights', 'threads', null, 'insights'],
  ]);
});

describe('Bluesky', () => {
  check([
    ['https://bsky.app/', 'bluesky'],
    ['https://bsky.app/profile/boulangerie.bsky.social', 'bluesky', 'boulangerie.bsky.social'],
    ['https://bsky.app/profile/Boulangerie-Dupont.fr/post/3kabc', 'bluesky', 'boulangerie-dupont.fr'],
    ['https://bsky.app/profile/did:plc:AbC123', 'bluesky', 'did:plc:AbC123'],
    ['https://bsky.app/notifications', 'bluesky', null, 'comments'],
    ['https://bsky.app/messages/xyz', 'bluesky', null, 'messages'],
  ]);
});

describe('Reddit', () => {
  check([
    ['https://www.reddit.com/', 'reddit'],
    ['https://www.reddit.com/r/Boulangerie/', 'reddit', 'r/boulangerie'],
    ['https://old.reddit.com/r/boulangerie/comments/abc/titre/', 'reddit', 'r/boulangerie'],
    ['https://www.reddit.com/r/boulangerie/submit', 'reddit', 'r/boulangerie', 'publishing'],
    ['https://www.reddit.com/r/boulangerie/about/modqueue', 'reddit', 'r/boulangerie', 'comments'],
    ['https://www.reddit.com/user/BoulangerieDupont/', 'reddit', 'u/boulangeriedupont'],
    ['https://www.reddit.com/u/boulangeriedupont/submitted', 'reddit', 'u/boulangeriedupont'],
    ['https://www.reddit.com/message/inbox/', 'reddit', null, 'messages'],
    ['https://chat.reddit.com/room/abc', 'reddit', null, 'messages'],
    ['https://www.reddit.com/notifications', 'reddit', null, 'comments'],
  ]);
});

describe('Mastodon servers the user named', () => {
  check([
    ['https://mastodon.social/home', 'mastodon'],
    ['https://mastodon.social/@boulangerie', 'mastodon', 'boulangerie@mastodon.social'],
    ['https://mastodon.social/@Boulangerie@piaille.fr/11223344', 'mastodon', 'boulangerie@piaille.fr'],
    ['https://piaille.fr/deck/@boulangerie', 'mastodon', 'boulangerie@piaille.fr'],
    ['https://piaille.fr/notifications', 'mastodon', null, 'comments'],
    ['https://piaille.fr/conversations', 'mastodon', null, 'messages'],
    ['https://piaille.fr/publish', 'mastodon', null, 'publishing'],
    ['https://another.example/@boulangerie', null],
  ]);
});

describe('pages that are not tracked', () => {
  check([
    ['https://www.example.com/facebook.com', null],
    ['https://notfacebook.com/boulangerie', null],
    ['https://facebook.com.evil.example/boulangerie', null],
    ['chrome://newtab/', null],
    ['chrome-extension://abcdef/popup.html', null],
    ['file:///home/user/facebook.com/page.html', null],
    ['not a url', null],
    ['', null],
  ]);

  it('skips a platform the user switched off', () => {
    const withoutX = createClassifier({ disabled: ['x'] });
    expect(withoutX('https://x.com/boulangeriedup')).toBeNull();
    expect(withoutX('https://www.facebook.com/boulangerie-dupont')?.platform).toBe('facebook');
  });

  it('reads a host with a trailing dot and upper case like the plain host', () => {
    expect(classify('https://WWW.Facebook.COM./boulangerie-dupont')).toEqual({
      platform: 'facebook',
      account: 'boulangerie-dupont',
      activity: 'browsing',
    });
  });
});
