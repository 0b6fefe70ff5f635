import { browser } from 'wxt/browser';
import type { Settings } from '../../lib/settings/settings';
import { sitePermissionOrigins } from '../../lib/sites/custom-site';

const SCRIPT_ID = 'user-sites';

/**
 * Runs the activity script on the sites the user added (custom sites, Mastodon servers)
 * whose host permission they granted. Catalogue sites get it from the manifest.
 */
export async function syncSiteScripts(settings: Settings): Promise<void> {
  const hosts = [...settings.customSites.map((s) => s.host), ...settings.mastodonServers];
  const granted: string[] = [];
  for (const host of hosts) {
    if (await browser.permissions.contains({ origins: sitePermissionOrigins(host) })) granted.push(host);
  }
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (granted.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: granted.flatMap(sitePermissionOrigins),
      js: ['content-scripts/activity.js'],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}
