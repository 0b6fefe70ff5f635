// `npm test`: the type check, then every test (unit, then browser, then the short real-desktop
// run), ending with the plain line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const browsers = [
  ['Chromium', process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium', 'chromium', 'CHROMIUM_PATH'],
  ['Firefox', process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', 'firefox-esr', 'FIREFOX_PATH'],
];
for (const [name, path, debian, variable] of browsers) {
  if (!existsSync(path)) {
    console.error(`${name} not found at ${path}. Install it (Debian/Ubuntu: sudo apt-get install ${debian}) or set ${variable}.`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

// The desktop tests drive headed browsers on a virtual X display with real input; the sync
// tests write to a real WebDAV server, Apache httpd.
const tools = [['Xvfb', 'xvfb'], ['openbox', 'openbox'], ['xdotool', 'xdotool'], ['xterm', 'xterm'], ['xprop', 'x11-utils'], ['/usr/sbin/apache2', 'apache2'], ['htpasswd', 'apache2-utils']];
const missingTools = tools.filter(([tool]) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
if (missingTools.length > 0) {
  console.error(`The tests need ${missingTools.map(([t]) => t).join(', ')} (Debian/Ubuntu: sudo apt-get install ${missingTools.map(([, p]) => p).join(' ')}).`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

let failed = 0;
const typecheck = spawnSync('npx', ['tsc', '--noEmit'], { stdio: 'inherit' });
if (typecheck.status !== 0) {
  console.error('Type check failed.');
  failed += 1;
}

mkdirSync('test-results', { recursive: true });
rmSync('test-results/vitest.json', { force: true });
const run = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);

let passed = 0;
try {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed = report.numPassedTests;
  failed += report.numFailedTests;
  if (report.numTotalTests === 0) failed += 1;
  // A file that failed outside any test (an import error, a hook) counts as one failure.
  for (const file of report.testResults ?? []) {
    if (file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed')) failed += 1;
  }
} catch {
  console.error('The test run produced no report.');
  failed += 1;
}
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
