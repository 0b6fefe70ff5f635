import { defineConfig } from 'wxt';
import { builtInMatchPatterns } from './lib/platforms/domains';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'idle', 'unlimitedStorage', 'notifications', 'scripting', 'downloads'],
    host_permissions: builtInMatchPatterns(),
    // Sites beyond the catalogue (custom sites, Mastodon servers) are asked for one by one when the user adds them.
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_extName__' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
  },
});
