import { describe, expect, it } from 'vitest';
import { shouldOpenWelcome } from '../../../lib/onboarding/welcome';

describe('shouldOpenWelcome', () => {
  it.each([
    ['install', 'production', true],
    ['install', 'development', true],
    ['update', 'production', false],
    ['chrome_update', 'production', false],
    ['browser_update', 'production', false],
    ['shared_module_update', 'production', false],
    // Test builds install into a fresh profile at every launch.
    ['install', 'e2e', false],
    ['install', 'desktop', false],
  ])('%s in a %s build: %s', (reason, mode, expected) => {
    expect(shouldOpenWelcome(reason, mode)).toBe(expected);
  });
});
