import { defineConfig } from 'wxt';
import { builtInMatchPatterns } from './lib/platforms/domains';

/** Firefox needs a stable id (storage, updates) and a data-collection statement: this extension collects nothing. */
const GECKO_ID = 'social-hours@social-hours.app';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // Manifest V3 in Firefox too: one set of APIs (action, optional host permissions,
  // scripting) and an event page that stops when idle, like Chrome's service worker.
  manifestVersion: 3,
  zip: { excludeSources: ['test-results/**', 'bench-results/**', '.cache/**'] },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'idle', 'unlimitedStorage', 'notifications', 'scripting', 'downloads'],
    // Headless test builds hold the test WebDAV server's origin from the start: the browser's
    // permission prompt, which the sync setup raises for the user's folder, cannot be answered
    // by automation (the request then resolves at once, as for an origin already granted).
    host_permissions: [...builtInMatchPatterns(), ...(mode === 'e2e' ? ['https://127.0.0.1/*'] : [])],
    // Sites beyond the catalogue (custom sites, Mastodon servers) and the sync folder are asked
    // for one by one when the user adds them; a folder on this computer may be plain http.
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    action: { default_title: '__MSG_extName__' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: GECKO_ID, strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
