import { execFileSync } from 'node:child_process';

/** Builds the e2e flavour of the extension (with its test hooks) for Chromium and Firefox, once for every browser test file. */
export default function setup(): void {
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: 'inherit' });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'e2e'], { stdio: 'inherit' });
}
