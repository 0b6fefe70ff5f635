// `npm run accuracy`: the long real-desktop scenario in headed Chromium and Firefox ESR
// (Xvfb, openbox, real X input), then docs/accuracy.md with a table per browser.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const browsers = ['chromium', 'firefox'];
for (const browser of browsers) rmSync(`test-results/desktop-${browser}.txt`, { force: true });

const run = spawnSync('npx', ['vitest', 'run', '--project', 'desktop'], { stdio: 'inherit', env: { ...process.env, ACCURACY_RUN: 'long' } });

const sections = browsers.map((browser) => {
  const file = `test-results/desktop-${browser}.txt`;
  return existsSync(file) ? readFileSync(file, 'utf8') : `### ${browser}\n\nThe run produced no table (see the test output).\n`;
});
const date = new Date().toISOString().slice(0, 10);
writeFileSync(
  'docs/accuracy.md',
  `# Accuracy on a real desktop

What the extension records, phase by phase, against the clock, in headed browsers on a
desktop: Xvfb with the openbox window manager, real X input from xdotool, an xterm as
the other application (\`npm run accuracy\`, ${date}, ${run.status === 0 ? 'every phase within 1 s' : 'SOME PHASES OFF BY MORE THAN 1 s'}).
Reading allowance 30 s; input every 2 s while the user works. "exp s" is the clock's
time for the expected site (a new window's from its first input, once it has loaded);
every other site should get 0; "error s" adds up both. "enter s" is how long the
phase's transition (a key, a window, a page load) took.

${sections.join('\n')}
`,
);
process.exit(run.status ?? 1);
