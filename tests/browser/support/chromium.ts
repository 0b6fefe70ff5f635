import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { FakeSites } from './fake-sites';

export const EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** The extension's service worker, as it is now (a new one after a restart). */
  worker(): Promise<Worker>;
  extensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchWithExtension(sites: FakeSites, options: { lang?: string; profileDir?: string } = {}): Promise<ExtensionBrowser> {
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'social-hours-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    ignoreHTTPSErrors: true,
    locale: options.lang ?? 'en-US',
    args: [
      '--no-sandbox',
      '--no-first-run',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      `--lang=${options.lang ?? 'en-US'}`,
      `--host-resolver-rules=${sites.resolverRules}`,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(first.url()).host;

  const worker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    return live[live.length - 1] ?? (await context.waitForEvent('serviceworker'));
  };

  return {
    context,
    extensionId,
    profileDir,
    worker,
    extensionPage: async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    close: async () => {
      await context.close();
      if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
