// CPU seconds of the extension's process and of the pages' renderers over a scripted working
// session in Chromium (production build), with the extension and without it.
//
// The session (about 4 minutes; 20 s with --smoke): a Facebook page with input, a second tab
// (Instagram) with input, a pause without input, the focus to another application and back,
// a second window (LinkedIn) with input. Headed under Xvfb with real X input when the machine
// has it (background tabs throttled as for a user), headless otherwise.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_SWITCHES, chromiumPath } from '../../tests/browser/support/chromium';
import type { FakeSites } from '../../tests/browser/support/fake-sites';
import { execFileSync } from 'node:child_process';
import { startDesktop, type Desktop } from '../../tests/desktop/support/display';
import { findBrowserPid, TreeCpuMeter, type ProcessKind } from './proc-cpu';

export const PRODUCTION_DIR = resolve('.output/chrome-mv3');

export interface SessionCpu {
  /** CPU seconds per kind of process over the session. */
  extension: number;
  renderers: number;
  browser: number;
  gpu: number;
  utility: number;
  other: number;
  wallSeconds: number;
}

export interface CpuResult {
  mode: 'headed-xvfb' | 'headless';
  sessionSeconds: number;
  repeats: number;
  with: SessionCpu;
  without: SessionCpu;
  /** Median of the per-repeat differences (with − without) of the page renderers. */
  rendererOverhead: number;
  runs: Run[];
  targets: { extension: number; rendererOverhead: number };
}

/**
 * One repeat. Each page renderer's CPU on its own (descending): the totals move by up to
 * 1.5 s between runs, and these show whether a difference sits in every page (the content
 * script) or in one process (something else the browser did that time).
 */
interface Run {
  with: SessionCpu;
  without: SessionCpu;
  rendererProcesses: { with: number[]; without: number[] };
}

export interface CpuOptions {
  smoke: boolean;
  repeats?: number;
  extensionDir?: string;
  /** Forces headless even where Xvfb is available. */
  headless?: boolean;
  log?: (line: string) => void;
}

/** Phase lengths in seconds: tab 1, tab 2, pause, away, back, second window. */
const FULL = [60, 45, 45, 30, 15, 45];
const SMOKE = [4, 4, 4, 3, 2, 3];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** How a person acts: bursts of mouse moves, a few wheel notches, now and then some keys. */
interface Person {
  /** Makes `page` (whose window has the focus) ready for input: a click into the page. */
  enter(page: Page): Promise<void>;
  burst(page: Page, round: number): Promise<void>;
  away(): Promise<void>;
  back(page: Page): Promise<void>;
}

function cdpPerson(context: BrowserContext): Person {
  let other: Page | null = null;
  return {
    enter: async (page) => {
      await page.bringToFront();
      await page.mouse.click(300, 60);
      await focusComposer(page);
    },
    burst: async (page, round) => {
      const x = 200 + ((round * 37) % 400);
      await page.mouse.move(x, 300, { steps: 8 });
      await page.mouse.wheel(0, round % 2 ? 120 : -120);
      await page.mouse.wheel(0, round % 2 ? 120 : -120);
      if (round % 2 === 0) await page.keyboard.type('ab', { delay: 40 });
    },
    away: async () => {
      // No other application headless: another window takes the focus.
      other = await openWindow(context, 'about:blank');
      await other.bringToFront();
    },
    back: async (page) => {
      await other?.close();
      other = null;
      await page.bringToFront();
    },
  };
}

function xPerson(desktop: Desktop): Person {
  let browserWindow = '';
  return {
    enter: async (page) => {
      await page.bringToFront();
      await sleep(300);
      browserWindow = await desktop.xdotool('getactivewindow');
      // A click on the page's text gives the page the keyboard focus (not the address bar).
      await desktop.xdotool('mousemove', '--window', browserWindow, '300', '160', 'click', '1');
      await focusComposer(page);
    },
    burst: async (_page, round) => {
      const x = 200 + ((round * 37) % 400);
      const moves: string[] = [];
      for (let i = 0; i < 8; i++) moves.push('mousemove', '--window', browserWindow, String(x + i * 12), String(380 + (i % 3) * 9), 'sleep', '0.02');
      const keys = round % 2 === 0 ? ['type', '--delay', '40', 'ab'] : [];
      await desktop.xdotool(...moves, 'click', round % 2 ? '5' : '4', 'click', round % 2 ? '5' : '4', ...keys);
    },
    away: async () => {
      await desktop.xdotool('windowactivate', '--sync', desktop.xterm);
    },
    back: async () => {
      await desktop.xdotool('windowactivate', '--sync', browserWindow);
    },
  };
}

/** Keys typed go to the page's text field. */
async function focusComposer(page: Page): Promise<void> {
  await page.waitForSelector('#composer', { timeout: 10_000 }).catch(() => {});
  await page.evaluate(() => document.getElementById('composer')?.focus()).catch(() => {});
}

async function openWindow(context: BrowserContext, url: string): Promise<Page> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser behind the context');
  const session = await browser.newBrowserCDPSession();
  const opened = context.waitForEvent('page', { predicate: (p) => p.url() === url || p.url() === 'about:blank' });
  await session.send('Target.createTarget', { url, newWindow: true });
  const page = await opened;
  await session.detach();
  if (url !== 'about:blank') await page.waitForURL(url, { waitUntil: 'load' });
  return page;
}

/**
 * A first install of a production build opens the welcome page (entrypoints/welcome), in a
 * tab of its own behind which the session's first tab (`pages()[0]`) then works. It is an
 * extension page: it lives in the extension's process, so left open all session long its
 * rendering, garbage collection, and the messages and storage events every extension page
 * is sent would all count as the extension's own work. A person reads it once, on the day
 * of the install, and closes it: like the install, it is not part of a working session.
 * Waits up to `waitMs` for it to open (builds that open none, such as e2e, wait the whole).
 */
async function closeWelcome(context: BrowserContext, waitMs: number): Promise<void> {
  const until = Date.now() + waitMs;
  for (;;) {
    const opened = context.pages().filter((p) => p.url().startsWith('chrome-extension://'));
    for (const page of opened) await page.close();
    if (opened.length > 0 || Date.now() >= until) return;
    await sleep(100);
  }
}

/** Input every 1.5 s on average for `seconds`. */
async function act(person: Person, page: Page, seconds: number, start: { round: number }): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    const round = start.round++;
    await person.burst(page, round);
    await sleep(Math.min(Math.max(0, until - Date.now()), 1000 + (round % 3) * 500));
  }
}

async function session(
  sites: FakeSites,
  withExtension: boolean,
  options: CpuOptions,
  desktop: Desktop | null,
): Promise<{ cpu: SessionCpu; rendererProcesses: number[] }> {
  const extensionDir = options.extensionDir ?? PRODUCTION_DIR;
  const profileDir = mkdtempSync(join(tmpdir(), `social-hours-cpu-${withExtension ? 'ext' : 'plain'}-`));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: desktop === null,
    ignoreHTTPSErrors: true,
    viewport: desktop ? null : { width: 1280, height: 800 },
    // Background tabs and hidden windows throttled as for a user.
    ignoreDefaultArgs: ['--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows', '--disable-renderer-backgrounding'],
    env: desktop ? { ...process.env, DISPLAY: desktop.display } : process.env,
    args: [
      ...CHROMIUM_SWITCHES,
      '--lang=en-US',
      '--window-position=0,0',
      '--window-size=1300,900',
      `--host-resolver-rules=${sites.resolverRules}`,
      ...(withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    ],
  });
  try {
    if (withExtension) context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const pid = findBrowserPid(profileDir);
    if (pid === null) throw new Error('the browser process was not found');
    if (withExtension) await closeWelcome(context, existsSync(join(extensionDir, 'welcome.html')) ? 5000 : 0);
    // Start-up (install, database creation, the welcome page) is not part of the session.
    await sleep(options.smoke ? 2000 : 4000);
    const person = desktop ? xPerson(desktop) : cdpPerson(context);
    const [tab1Seconds, tab2Seconds, pauseSeconds, awaySeconds, backSeconds, windowSeconds] = options.smoke ? SMOKE : FULL;
    const round = { round: 0 };

    const meter = new TreeCpuMeter(pid);
    const started = Date.now();
    meter.start();

    const tab1 = context.pages()[0] ?? (await context.newPage());
    await tab1.goto('https://www.facebook.com/boulangerie-dupont', { waitUntil: 'load' });
    await person.enter(tab1);
    await act(person, tab1, tab1Seconds!, round);

    const tab2 = await context.newPage();
    await tab2.goto('https://www.instagram.com/boulangerie.dupont/', { waitUntil: 'load' });
    await person.enter(tab2);
    await act(person, tab2, tab2Seconds!, round);

    await sleep(pauseSeconds! * 1000);

    await person.away();
    await sleep(awaySeconds! * 1000);
    await person.back(tab2);
    await act(person, tab2, backSeconds!, round);

    const second = await openWindow(context, 'https://www.linkedin.com/company/boulangerie-dupont/');
    await person.enter(second);
    await act(person, second, windowSeconds!, round);

    const { byKind, processes } = meter.stop();
    const wallSeconds = (Date.now() - started) / 1000;
    const rendererProcesses = processes.filter((p) => p.kind === 'renderer').map((p) => p.used).sort((a, b) => b - a);
    const cpu = {
      extension: byKind.extension,
      renderers: byKind.renderer,
      browser: byKind.browser,
      gpu: byKind.gpu,
      utility: byKind.utility,
      other: byKind.other,
      wallSeconds,
    } satisfies Record<Exclude<ProcessKind, 'renderer'> | 'renderers' | 'wallSeconds', number>;
    return { cpu, rendererProcesses };
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

function medianOf(runs: SessionCpu[]): SessionCpu {
  const keys = Object.keys(runs[0]!) as Array<keyof SessionCpu>;
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))])) as unknown as SessionCpu;
}

/** Whether this machine has the virtual desktop (Xvfb, openbox, xterm, xdotool) for a headed run. */
function desktopAvailable(): boolean {
  return process.platform === 'linux' && ['Xvfb', 'openbox', 'xterm', 'xdotool', 'xprop'].every((tool) => {
    try {
      execFileSync('which', [tool], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
}

export async function measureCpu(sites: FakeSites, options: CpuOptions): Promise<CpuResult> {
  // One repeat by default: a full run is two 4-minute sessions; `--cpu-repeats=3` for medians.
  const repeats = options.repeats ?? 1;
  const desktop = !options.headless && desktopAvailable() ? await startDesktop() : null;
  const runs: Run[] = [];
  try {
    for (let i = 0; i < repeats; i++) {
      // Alternating which goes first, so a drift of the machine does not favour one.
      const first = i % 2 === 0;
      const a = await session(sites, first, options, desktop);
      const b = await session(sites, !first, options, desktop);
      const [w, wo] = first ? [a, b] : [b, a];
      const run: Run = { with: w.cpu, without: wo.cpu, rendererProcesses: { with: w.rendererProcesses, without: wo.rendererProcesses } };
      const each = (list: number[]) => list.map((n) => n.toFixed(2)).join(' + ');
      options.log?.(
        `cpu run ${i + 1}/${repeats}: extension ${run.with.extension.toFixed(2)} s, renderers ${run.with.renderers.toFixed(2)} s with / ${run.without.renderers.toFixed(2)} s without (${(run.with.renderers - run.without.renderers).toFixed(2)} s more); each renderer ${each(w.rendererProcesses)} with / ${each(wo.rendererProcesses)} without`,
      );
      runs.push(run);
    }
  } finally {
    await desktop?.close();
  }
  const phases = options.smoke ? SMOKE : FULL;
  return {
    mode: desktop ? 'headed-xvfb' : 'headless',
    sessionSeconds: phases.reduce((a, b) => a + b, 0),
    repeats,
    with: medianOf(runs.map((r) => r.with)),
    without: medianOf(runs.map((r) => r.without)),
    rendererOverhead: median(runs.map((r) => r.with.renderers - r.without.renderers)),
    runs,
    targets: { extension: 0.4, rendererOverhead: 0.3 },
  };
}

/** The result as table lines. */
export function cpuTable(result: CpuResult): string[] {
  const f = (n: number) => `${n.toFixed(2)} s`;
  const { with: w, without: wo } = result;
  return [
    `CPU over a ${result.sessionSeconds}-s working session (${result.mode}, production build, median of ${result.repeats}):`,
    'process                  | with ext  | without   | difference',
    `extension process        | ${f(w.extension).padEnd(9)} | ${'-'.padEnd(9)} | ${f(w.extension)} (≤ ${result.targets.extension.toFixed(2)} s)`,
    `page renderers           | ${f(w.renderers).padEnd(9)} | ${f(wo.renderers).padEnd(9)} | ${result.rendererOverhead >= 0 ? '+' : ''}${f(result.rendererOverhead)} (≤ +${result.targets.rendererOverhead.toFixed(2)} s)`,
    `browser process          | ${f(w.browser).padEnd(9)} | ${f(wo.browser).padEnd(9)} | ${f(w.browser - wo.browser)}`,
    `gpu                      | ${f(w.gpu).padEnd(9)} | ${f(wo.gpu).padEnd(9)} | ${f(w.gpu - wo.gpu)}`,
    `utility (network, storage…) | ${f(w.utility).padEnd(6)} | ${f(wo.utility).padEnd(9)} | ${f(w.utility - wo.utility)}`,
  ];
}
