import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { middayZone } from './tests/support/midday-zone.ts';

/** Tests whose results depend on the time zone: run in Paris and in New York. */
const DATE_SENSITIVE = [
  'tests/unit/contracts/**/*.test.ts',
  'tests/unit/export/**/*.test.ts',
  'tests/unit/reports/**/*.test.ts',
  'tests/unit/sessions/**/*.test.ts',
  'tests/unit/time/**/*.test.ts',
  'tests/unit/backup/**/*.test.ts',
  'tests/unit/sync/**/*.test.ts',
];

/**
 * Browsers and the runner agree on the day, and no run crosses midnight: see middayZone.
 * SOCIAL_HOURS_BROWSER_TZ sets another zone (to show what a run near midnight does).
 */
const BROWSER_TZ = process.env.SOCIAL_HOURS_BROWSER_TZ ?? middayZone(Date.now());

export default defineConfig({
  plugins: [WxtVitest()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/unit/setup.ts'],
          env: { TZ: 'Europe/Paris' },
        },
      },
      {
        // Dates again on the other side of the Atlantic: other offsets, other daylight-saving days.
        extends: true,
        test: {
          name: 'unit-new-york',
          include: DATE_SENSITIVE,
          setupFiles: ['tests/unit/setup.ts'],
          env: { TZ: 'America/New_York' },
        },
      },
      {
        // Headed browsers on a private Xvfb display with openbox and real X input, in real
        // time: the short run here, the long one with `npm run accuracy`.
        extends: true,
        test: {
          name: 'desktop',
          include: ['tests/desktop/**/*.desktop.test.ts'],
          // Alone on the machine's two cores, after everything else.
          sequence: { groupOrder: 2 },
          globalSetup: ['tests/desktop/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 900_000,
          hookTimeout: 120_000,
          env: { TZ: BROWSER_TZ },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          // After the unit tests: browsers started beside them would share two cores with them.
          sequence: { groupOrder: 1 },
          globalSetup: ['tests/browser/global-setup.ts'],
          fileParallelism: false,
          // Pages, the popup and the badge follow the background a moment later: conditions
          // are polled, with room for a machine busy with other work.
          expect: { poll: { timeout: 15_000 } },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          env: { TZ: BROWSER_TZ },
        },
      },
    ],
  },
});
