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

/** `restoreLastSession`: reopen the tabs of the profile's last run, as a browser set to "continue where you left off" does. */
export async function launchWithExtension(sites: FakeSites, options: { lang?: string; profileDir?: string; restoreLastSession?: boolean } = {}): Promise<ExtensionBrowser> {
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'social-hours-profile-'));
  const context = await launchChromium(sites, profileDir, options.lang, [
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    ...(options.restoreLastSession ? ['--restore-last-session'] : []),
  ]);
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return extensionBrowser(context, new URL(first.url()).host, profileDir, !options.profileDir);
}

/**
 * A browser that runs without the extension until `install()`: the way a user installs it,
 * with tabs already open. The install goes through CDP (`Extensions.loadUnpacked`, allowed
 * by `--enable-unsafe-extension-debugging` over Playwright's pipe); loading the same folder
 * again is an update, as when the store delivers a new version.
 */
export interface BrowserBeforeInstall {
  context: BrowserContext;
  install(): Promise<ExtensionBrowser>;
  update(): Promise<void>;
  close(): Promise<void>;
}

export async function launchWithoutExtension(sites: FakeSites): Promise<BrowserBeforeInstall> {
  const profileDir = mkdtempSync(join(tmpdir(), 'social-hours-profile-'));
  // Playwright turns extensions off unless it loads one itself.
  const context = await launchChromium(sites, profileDir, undefined, ['--enable-unsafe-extension-debugging'], ['--disable-extensions']);
  const cdp = await context.browser()!.newBrowserCDPSession();
  const load = async () => ((await cdp.send('Extensions.loadUnpacked' as never, { path: EXTENSION_DIR } as never)) as { id: string }).id;
  let installed: ExtensionBrowser | undefined;
  const close = async () => {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  };
  return {
    context,
    install: async () => {
      installed = { ...extensionBrowser(context, await load(), profileDir, true), close };
      return installed;
    },
    update: async () => {
      if (!installed) throw new Error('update before install');
      await load();
    },
    close,
  };
}

function launchChromium(sites: FakeSites, profileDir: string, lang = 'en-US', extensionArgs: string[], ignoreDefaultArgs: string[] = []): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    ignoreDefaultArgs,
    ignoreHTTPSErrors: true,
    locale: lang,
    // On Linux, Chromium takes its UI language (i18n.getUILanguage, the worker's navigator)
    // from the environment, not from --lang, and only among the locales installed (Debian's
    // chromium-l10n, which .ci/run installs): without this, a page the extension opens
    // itself can come up in English in a "French" browser when Playwright's per-page
    // override arrives late, and the background takes the browser for an English one.
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
