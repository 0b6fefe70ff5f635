import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { startFakeSites, type FakeSites } from './fake-sites';

type LaunchOptions = Parameters<typeof launchWithExtension>[1];

/**
 * The set-up most browser test files share: one fake-sites server for the file, and the
 * browser a test launches closed after it, whatever its outcome.
 */
export function browserPerTest(): { launch(options?: LaunchOptions): Promise<ExtensionBrowser>; sites(): FakeSites } {
  let sites: FakeSites | undefined;
  let browser: ExtensionBrowser | undefined;
  beforeAll(async () => {
    sites = await startFakeSites();
  });
  afterAll(async () => {
    await sites?.close();
  });
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });
  return {
    launch: async (options) => (browser = await launchWithExtension(sites!, options)),
    sites: () => sites!,
  };
}
