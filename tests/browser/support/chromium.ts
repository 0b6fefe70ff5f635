import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { FakeSites } from './fake-sites';

export const EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
}

/** What every Chromium run here needs: no sandbox as root, and none of its own network traffic (this machine has no internet). */
export const CHROMIUM_SWITCHES = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
];

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
  const context = await launchChromium(sites, profileDir, options.lang, [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`]);
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return extensionBrowser(context, new URL(first.url()).host, profileDir, !options.profileDir);
}

function launchChromium(sites: FakeSites, profileDir: string, lang = 'en-US', extensionArgs: string[]): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    ignoreHTTPSErrors: true,
    locale: lang,
    // On Linux, Chromium takes its UI language (i18n.getUILanguage) from the environment,
    // not from --lang: without this, a page the extension opens itself can come up in
    // English in a "French" browser when Playwright's per-page override arrives late.
    env: { ...process.env, LANGUAGE: lang },
    args: [
      ...CHROMIUM_SWITCHES,
      // ignoreHTTPSErrors reaches a tab only once Playwright has attached to it: a window the
      // extension opens can load before that and land on a certificate error page (seen
      // under load). The flag covers every tab from the start.
      '--ignore-certificate-errors',
      `--lang=${lang}`,
      `--host-resolver-rules=${sites.resolverRules}`,
      ...extensionArgs,
    ],
  });
}

function extensionBrowser(context: BrowserContext, extensionId: string, profileDir: string, ownsProfile: boolean): ExtensionBrowser {
  const worker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    return live[live.length - 1] ?? (await context.waitForEvent('serviceworker', (w) => w.url().startsWith(`chrome-extension://${extensionId}/`)));
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
      if (ownsProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
