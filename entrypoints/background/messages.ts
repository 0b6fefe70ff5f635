import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import type { TrackingService } from '../../lib/background/tracking-service';
import { parsePageReport, parsePageRequest } from '../../lib/messaging/protocol';

function sameOrigin(a: string, b: string | undefined): boolean {
  if (!b) return false;
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/**
 * Messages from our content scripts (page reports) and from our own pages (status, pause).
 * Anything else (another extension, a malformed payload, a frame that is not the top one,
 * a report about another origin than the sender's) is dropped without an answer.
 */
export function listenToMessages(service: Promise<TrackingService>): void {
  const extensionOrigin = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener(
    (message: unknown, sender: Runtime.MessageSender, sendResponse: (response: unknown) => void) => {
      if (sender.id !== browser.runtime.id) return false;

      if (sender.url?.startsWith(extensionOrigin)) {
        const request = parsePageRequest(message);
        if (!request) return false;
        void service
          .then((s) => (request.type === 'get-status' ? s.status() : s.setPaused(request.paused).then(() => s.status())))
          .then(sendResponse, () => sendResponse(null));
        return true;
      }

      const tab = sender.tab;
      if (tab?.id === undefined || tab.windowId === undefined || sender.frameId !== 0) return false;
      const report = parsePageReport(message);
      if (!report || !sameOrigin(report.url, sender.url ?? tab.url)) return false;
      const { type: _type, ...page } = report;
      void service.then((s) => s.dispatch({ type: 'page', tabId: tab.id!, windowId: tab.windowId!, ...page }));
      return false;
    },
  );
}
