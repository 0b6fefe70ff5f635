/** Why the browser fired `runtime.onInstalled` (`chrome.runtime.OnInstalledReason`). */
export type InstallReason = 'install' | 'update' | 'chrome_update' | 'shared_module_update' | 'browser_update';

/**
 * Whether to open the welcome page: on a first install only, never on an update. Test builds
 * ('e2e', 'desktop') install the extension into a fresh profile at every launch: a tab
 * opening by itself there would take the focus the tracking tests measure.
 */
export function shouldOpenWelcome(reason: string, buildMode: string): boolean {
  return reason === 'install' && buildMode !== 'e2e' && buildMode !== 'desktop';
}
