import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Worker } from 'playwright-core';
import { chromiumPath } from '../../browser/support/chromium';
import type { FakeSites } from '../../browser/support/fake-sites';
import { stop, waitFor, type Desktop } from './display';

/** The 'desktop' build: test hooks, real clock, production reporting (tests/desktop/global-setup.ts). */
const EXTENSION_DIR = resolve('.output/chrome-mv3-desktop');

export interface HeadedChromium {
  context: BrowserContext;
  extensionId: string;
  /** The live service worker (a new one after `chrome.runtime.reload()`). */
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

/**
 * The e2e build in a headed Chromium on the test display, as a user runs it.
 *
 * Not `launchPersistentContext`: Playwright then turns on focus emulation in every page
 * (`Emulation.setFocusEmulationEnabled`), so `document.hasFocus()` stays true and `blur`
 * never fires when another application takes the focus — exactly what this layer must see.
 * Starting Chromium ourselves and attaching with `connectOverCDP({ noDefaults: true })`
 * leaves focus alone, and also avoids Playwright's default switches that keep background
 * tabs and occluded windows unthrottled.
 */
export async function launchHeadedChromium(desktop: Desktop, sites: FakeSites): Promise<HeadedChromium> {
  const profileDir = mkdtempSync(join(tmpdir(), 'social-hours-desktop-'));
  const process: ChildProcess = spawn(chromiumPath(), [
    `--user-data-dir=${profileDir}`,
    '--remote-debugging-port=0',
    '--no-sandbox',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-gpu',
    '--password-store=basic',
    // The fake sites' certificate is self-signed (Playwright's ignoreHTTPSErrors is not available here).
    '--ignore-certificate-errors',
    '--window-position=200,60',
    '--window-size=1100,850',
    '--lang=en-US',
    `--host-resolver-rules=${sites.resolverRules}`,
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    'about:blank',
  ], { env: desktop.env, stdio: 'ignore' });

  let browser: Browser | undefined;
  try {
    // Chromium writes the port it chose into the profile once DevTools listens.
    const port = await waitFor('Chromium DevTools port', () => {
      try {
        return readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
      } catch {
        return undefined;
      }
    }, 30_000);
    // Attaching to every target is slow on a loaded machine: more than the default 30 s was seen with 2 busy cores.
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`, { noDefaults: true, isLocal: true, timeout: 120_000 });
    const context = browser.contexts()[0]!;
    const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://') && w.url().endsWith('/background.js');
    const first = await waitFor('the extension service worker', () => context.serviceWorkers().find(isOurs), 30_000);
    const extensionId = new URL(first.url()).host;
    const worker = async (): Promise<Worker> => {
      const live = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      return live[live.length - 1] ?? (await context.waitForEvent('serviceworker'));
    };
    const connected = browser;
    return {
      context,
      extensionId,
      worker,
      close: async () => {
        await connected.close().catch(() => undefined);
        await stop(process);
        rmSync(profileDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await stop(process);
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
}
