import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { TestHooks } from '../../../entrypoints/background/test-hooks';
import { FAKE_HOSTS, type FakeSites } from './fake-sites';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3-e2e');
const GECKO_ID = 'social-hours@social-hours.app';
/** A fixed internal UUID, so that the tests know the extension's moz-extension:// origin. */
export const FIREFOX_UUID = '8a4d3b2c-1f2e-4d5c-9b8a-7e6f5d4c3b2a';

export function firefoxPath(): string {
  return process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
}

export interface FirefoxWithExtension {
  browser: Browser;
  downloads: string;
  /** An extension page kept in a background tab, from which the tests call the test hooks. */
  control: Page;
  hook<K extends keyof TestHooks>(name: K, ...args: Parameters<TestHooks[K]>): Promise<Awaited<ReturnType<TestHooks[K]>>>;
  /** Opens an extension page; Firefox never reports such a navigation as finished, so wait for content instead. */
  extensionPage(path: string, selector: string, page?: Page): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(sites: FakeSites): Promise<FirefoxWithExtension> {
  const downloads = mkdtempSync(join(tmpdir(), 'social-hours-ff-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.dns.localDomains': FAKE_HOSTS.join(','),
      'network.socket.forcePort': `443=${sites.port}`,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);

  const extensionPage = async (path: string, selector: string, page?: Page) => openExtensionPage(page ?? (await browser.newPage()), path, selector);
  const control = await extensionPage('options.html#settings', 'h1', (await browser.pages())[0]);

  return {
    browser,
    downloads,
    control,
    extensionPage,
    hook: (name, ...args) =>
      control.evaluate(
        (n, a) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage({ type: 'test-hook', name: n, args: a }),
        name,
        args,
      ) as never,
    close: () => browser.close(),
  };
}

/** Opens `moz-extension://…/path` in `target` and resolves once `selector` is in it. */
export async function openExtensionPage(target: Page, path: string, selector: string): Promise<Page> {
  // Navigating to moz-extension:// never resolves under BiDi: wait for content instead.
  void target.goto(`moz-extension://${FIREFOX_UUID}/${path}`).catch(() => undefined);
  // The wait starts before the navigation commits: when the document it started in goes
  // away, puppeteer fails it ("Waiting failed", or a BiDi script error), which a loaded
  // machine makes likely. Wait for the selector again, until a deadline.
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await target.waitForSelector(selector, { timeout: Math.max(1, deadline - Date.now()) });
      return target;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
