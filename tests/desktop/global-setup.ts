import { execFileSync } from 'node:child_process';

/**
 * Builds the 'desktop' flavour for Chromium and Firefox: test hooks to read what was stored,
 * the real clock, and the production reporting (one report per 10 s while the user acts),
 * so that what the desktop tests measure is what users run.
 */
export default function setup(): void {
  execFileSync('npx', ['wxt', 'build', '--mode', 'desktop'], { stdio: 'inherit' });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'desktop'], { stdio: 'inherit' });
}
