import { browser } from 'wxt/browser';

const ACTIVITY_SCRIPT = '/content-scripts/activity.js';

/**
 * Runs the activity script in the tabs already open when the extension is installed or
 * updated: the browser injects content scripts only into pages loaded afterwards, and an
 * update leaves the old copies without a connection. A tab shows its URL only when the
 * extension may read its site, so those are the tabs to inject into. A copy that is already
 * running hands over to the new one (WXT's content-script context stops older copies).
 */
export async function injectIntoOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs
      .filter((tab) => tab.id !== undefined && tab.url?.startsWith('https://'))
      .map((tab) =>
        browser.scripting.executeScript({ target: { tabId: tab.id! }, files: [ACTIVITY_SCRIPT] }).catch(() => {
          // A page the browser keeps to itself (a discarded tab, an error page): it gets the script when it loads.
        }),
      ),
  );
}
