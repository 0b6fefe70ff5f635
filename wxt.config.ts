import { defineConfig } from 'wxt';
import { builtInMatchPatterns } from './lib/platforms/domains';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'idle', 'unlimitedStorage'],
    host_permissions: builtInMatchPatterns(),
    action: { default_title: '__MSG_extName__' },
  },
});
