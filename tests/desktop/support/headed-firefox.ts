import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { TestHooks } from '../../../entrypoints/background/test-hooks';
import { FAKE_HOSTS, type FakeSites } from '../../browser/support/fake-sites';
import { resolve } from 'node:path';
import { FIREFOX_UUID, firefoxPath, openExtensionPage } from '../../browser/support/firefox';
import { waitFor, type Desktop } from './display';

const GECKO_ID = 'social-hours@social-hours.app';
/** The 'desktop' build: test hooks, real clock, production reporting (tests/desktop/global-setup.ts). */
const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3-desktop');

export interface HeadedFirefox {
  browser: Browser;
  /** Installs the desktop build (later than launch when a test wants tabs open before the install). */
  install(): Promise<void>;
  /**
   * An extension page in the last tab, through which tests call the test hooks and read
   * extension APIs (Firefox does not let tests evaluate code in the background page).
   */
  control(): Promise<Page>;
  hook<K extends keyof TestHooks>(name: K, ...args: Parameters<TestHooks[K]>): Promise<Awaited<ReturnType<TestHooks[K]>>>;
  close(): Promise<void>;
}

/** Firefox ESR, headed on the test display, with focus handled as for a user. */
export async function launchHeadedFirefox(desktop: Desktop, sites: FakeSites, options: { install?: boolean } = {}): Promise<HeadedFirefox> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: false,
    defaultViewport: null,
    acceptInsecureCerts: true,
    env: desktop.env,
    args: ['--remote-allow-system-access', '--width=1100', '--height=850'],
    extraPrefsFirefox: {
      // Puppeteer keeps focus inside Firefox whatever the window manager does; a user's Firefox does not.
      'focusmanager.testmode': false,
      'network.dns.localDomains': FAKE_HOSTS.join(','),
      'network.socket.forcePort': `443=${sites.port}`,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
    },
  });

  let installed = false;
  let controlPage: Page | undefined;
  const install = async () => {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
    installed = true;
  };
  if (options.install !== false) await install();

  const control = async (): Promise<Page> => {
    if (!installed) throw new Error('the extension is not installed yet');
    if (controlPage) return controlPage;
    const page = await openExtensionPage(await browser.newPage(), 'options.html#settings', 'h1');
    await waitFor('the control page scripting', () => page.evaluate('typeof browser !== "undefined"'));
    return (controlPage = page);
  };

  return {
    browser,
    install,
    control,
    hook: async (name, ...args) =>
      (await control()).evaluate(
        (n, a) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage({ type: 'test-hook', name: n, args: a }),
        name,
        args,
      ) as never,
    close: () => browser.close(),
  };
}
