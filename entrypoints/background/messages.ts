import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import type { TrackingService } from '../../lib/background/tracking-service';
import type { WebDavSetup } from '../../lib/sync/webdav-setup';
import { parsePageReport, parsePageRequest, type CommandResponse, type PageRequest } from '../../lib/messaging/protocol';

/** What the background does beyond the tracking service. */
export interface BackgroundHooks {
  syncSites: () => Promise<void>;
  /** Re-reads clients and rules after a page changed them. */
  reloadConfig: () => Promise<void>;
  sync: {
    setBrowserSync: (enabled: boolean) => Promise<CommandResponse>;
    connectWebDav: (setup: WebDavSetup) => Promise<CommandResponse>;
    disconnectWebDav: () => Promise<CommandResponse>;
    /** Starts both syncs now; the status follows in storage. */
    syncNow: () => Promise<CommandResponse>;
  };
}

function sameOrigin(a: string, b: string | undefined): boolean {
  if (!b) return false;
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

async function answer(service: TrackingService, request: PageRequest, hooks: BackgroundHooks): Promise<unknown> {
  switch (request.type) {
    case 'get-status':
      return service.status();
    case 'set-paused':
      await service.setPaused(request.paused);
      return service.status();
    case 'set-override':
      return service.setOverride({ clientId: request.clientId, until: request.until });
    case 'clear-override':
      return service.setOverride(null);
    case 'start-timer':
      return service.startTimer({ clientId: request.clientId, kind: request.kind, ...(request.note ? { note: request.note } : {}) });
    case 'stop-timer':
      return service.stopTimer();
    case 'add-manual':
      return service.addManual(request.form);
    case 'log-away':
      return service.logAway(request.clientId, request.kind, request.note);
    case 'dismiss-away':
      return service.dismissAway();
    case 'assign-sessions':
      return service.assignSessions(request.ids, request.clientId);
    case 'split-session':
      return service.splitSession(request.id, request.at);
    case 'reattribute':
      return service.reattribute(request.ruleId);
    case 'delete-client':
      return service.deleteClient(request.clientId);
    case 'sync-sites':
      await hooks.syncSites();
      return { ok: true } satisfies CommandResponse;
    case 'update-session':
      return service.updateSession(request.id, request.change);
    case 'delete-sessions':
      return service.deleteSessions(request.ids);
    case 'restore-sessions':
      return service.restoreSessions(request.sessions);
    case 'merge-sessions':
      return service.mergeSessions(request.ids);
    case 'mark-invoiced':
      return service.markInvoiced(request.clientId, request.from, request.to);
    case 'unlock-invoice':
      return service.unlockInvoice(request.id);
    case 'restore-backup':
      return service.restoreBackup(request.text, request.byteLength);
    case 'get-day-totals':
      return service.dayTotals({ from: request.from, to: request.to });
    case 'set-browser-sync':
      return hooks.sync.setBrowserSync(request.enabled);
    case 'connect-webdav':
      return hooks.sync.connectWebDav(request.setup);
    case 'disconnect-webdav':
      return hooks.sync.disconnectWebDav();
    case 'sync-now':
      return hooks.sync.syncNow();
    case 'reload-config':
      await hooks.reloadConfig();
      return { ok: true } satisfies CommandResponse;
  }
}

/**
 * Messages from our content scripts (page reports) and from our own pages (requests).
 * Anything else (another extension, a malformed payload, a frame that is not the top one,
 * a report about another origin than the sender's) is dropped without an answer.
 */
export function listenToMessages(service: Promise<TrackingService>, hooks: BackgroundHooks): void {
  const extensionOrigin = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener(
    (message: unknown, sender: Runtime.MessageSender, sendResponse: (response: unknown) => void) => {
      if (sender.id !== browser.runtime.id) return false;

      if (sender.url?.startsWith(extensionOrigin)) {
        const request = parsePageRequest(message);
        if (!request) return false;
        void service
          .then((s) => answer(s, request, hooks))
          .then(sendResponse, (error: unknown) => {
            console.error('[social-hours] request failed', request.type, error);
            sendResponse({ ok: false, error: 'failed' } satisfies CommandResponse);
          });
        return true;
      }

      const tab = sender.tab;
      if (tab?.id === undefined || tab.windowId === undefined || sender.frameId !== 0) return false;
      const report = parsePageReport(message);
      if (!report || !sameOrigin(report.url, sender.url ?? tab.url)) return false;
      const { type: _type, ...page } = report;
      void service.then((s) => s.report({ tabId: tab.id!, windowId: tab.windowId!, ...page }));
      return false;
    },
  );
}
