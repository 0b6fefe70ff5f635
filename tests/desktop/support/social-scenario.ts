import { ADD_AUDIO_ON_CLICK, AUDIO_STATE, PAUSE_AUDIO } from './audio';
import { waitFor, type Desktop } from './display';
import type { Phase } from './scenario';

/** Accounts as the extension stores them (Facebook page names are lower-cased). */
export const FACEBOOK = 'facebook/somepage';
export const INSTAGRAM = 'instagram/some.handle';
export const LINKEDIN = 'linkedin/company/acme';
/**
 * How long each situation lasts. The short run keeps `npm test` quick; the long one
 * (`npm run accuracy`) gives each situation time enough to show a drift.
 */
export interface ScenarioTiming {
  allowanceSeconds: number;
  work: number;
  shortPause: number;
  longPause: number;
  away: number;
  newWindow: number;
}

export const SHORT_RUN: ScenarioTiming = { allowanceSeconds: 15, work: 8, shortPause: 10, longPause: 22, away: 8, newWindow: 12 };
export const LONG_RUN: ScenarioTiming = { allowanceSeconds: 30, work: 20, shortPause: 20, longPause: 45, away: 15, newWindow: 25 };

/** `ACCURACY_RUN=long` selects the long run. */
export function scenarioTiming(): ScenarioTiming {
  return process.env.ACCURACY_RUN === 'long' ? LONG_RUN : SHORT_RUN;
}

/** What the shared phases need from a browser; each launcher supplies its own. */
export interface ScenarioBrowser {
  /** WM_CLASS pattern of the browser's windows for `xdotool search --class`. */
  windowClass: string;
  /** The key that selects tab n (Chromium: ctrl+n; Firefox on Linux: alt+n). */
  tabKey(n: number): string;
  /** Evaluates source text in the (first) page whose URL contains `urlPart`, waiting for it to exist. */
  inPage(urlPart: string, script: string): Promise<unknown>;
  /** How many tabs the browser itself calls audible. */
  audibleTabs(): Promise<number>;
  /** Whether the extension's script has reported from a page on `urlPart` (it runs there). */
  reportedFrom(urlPart: string): Promise<boolean>;
}

/** X windows of the scenario: the first browser window, then the one ctrl+n opens. */
export interface ScenarioWindows {
  main: string;
  second: string;
}

/** Notes the scenario makes on the way (media state), for the report. */
export type Notes = string[];

/**
 * Phases (a)–(g) of the desktop scenario, for either browser. The caller has tab 1 on
 * Facebook and tab 2 on Instagram, tab 1 active with the focus in its page.
 */
export function sharedPhases(desktop: Desktop, browser: ScenarioBrowser, windows: ScenarioWindows, notes: Notes, timing: ScenarioTiming): Phase[] {
  const main = () => windows.main;
  const second = () => windows.second;
  // A user working in another application has the pointer there too.
  const goToXterm = async () => {
    const at = await desktop.activate(desktop.xterm);
    await desktop.moveIn(desktop.xterm, 0);
    return at;
  };
  return [
    { name: '(a) tab 1, input', expect: FACEBOOK, seconds: timing.work, activity: { kind: 'input', window: main } },
    {
      name: `(b) ${browser.tabKey(2)} to tab 2, input`,
      expect: INSTAGRAM,
      seconds: timing.work,
      enter: () => desktop.key(windows.main, browser.tabKey(2)),
      activity: { kind: 'input', window: main },
    },
    { name: `(c) pause ${timing.shortPause} s < allowance`, expect: INSTAGRAM, seconds: timing.shortPause, activity: { kind: 'none' } },
    {
      // The input that ends (c)'s pause starts this one: a pause beyond the allowance counts from its last input, so 0.
      name: `(d) pause ${timing.longPause} s > allowance`,
      expect: null,
      seconds: timing.longPause,
      enter: () => desktop.moveIn(windows.main, 99),
      activity: { kind: 'none' },
    },
    {
      // Input in the page just before the switch: a tracker that misses the focus loss would count the allowance on.
      name: `(e) input, then xterm ${timing.away} s, typing there`,
      expect: null,
      seconds: timing.away,
      enter: async () => {
        await desktop.moveIn(windows.main, 98);
        return goToXterm();
      },
      activity: { kind: 'type', window: () => desktop.xterm },
    },
    {
      name: '(f) back, ctrl+n, linkedin in window 2, input',
      expect: LINKEDIN,
      expectFrom: 'first-input',
      seconds: timing.newWindow,
      // Measured from the moment the new window has the focus: the ctrl+n before is a key
      // pressed in the Instagram page, an act there (Firefox counts it until its new window shows).
      enter: async () => {
        await desktop.activate(windows.main);
        const before = await desktop.windows(browser.windowClass);
        await desktop.key(windows.main, 'ctrl+n');
        windows.second = await waitFor('the new browser window', async () => (await desktop.windows(browser.windowClass)).find((w) => !before.includes(w)));
        await desktop.place(windows.second);
        const focused = await desktop.activate(windows.second);
        // A new window has the focus in its address bar: type the address as a user does.
        await desktop.type(windows.second, 'https://www.linkedin.com/company/acme/');
        await desktop.key(windows.second, 'Return');
        await browser.inPage('linkedin.com', 'document.readyState');
        // A user acts once the page shows; the script that listens comes a moment after the load.
        await waitFor('the extension script on the LinkedIn page', () => browser.reportedFrom('linkedin.com'));
        return focused;
      },
      activity: { kind: 'input', window: second },
    },
    {
      name: '(g1) audio starts by a click, no input',
      expect: LINKEDIN,
      seconds: timing.work,
      enter: async () => {
        await browser.inPage('linkedin.com', ADD_AUDIO_ON_CLICK);
        const { width, height } = await desktop.geometry(windows.second);
        await desktop.clickIn(windows.second, Math.round(width / 2), Math.round(height / 2));
        const playing = await waitFor('the audio to play', async () => {
          const state = (await browser.inPage('linkedin.com', AUDIO_STATE)) as { paused: boolean; currentTime: number } | null;
          return state && !state.paused && state.currentTime > 0.2 ? state : undefined;
        }, 8000).catch(async () => browser.inPage('linkedin.com', AUDIO_STATE));
        notes.push(`audio after a real click: ${JSON.stringify(playing)}; audible tabs: ${await browser.audibleTabs()}`);
      },
      activity: { kind: 'none' },
    },
    {
      name: `(g2) audio playing, xterm ${timing.away} s`,
      expect: null,
      seconds: timing.away,
      enter: goToXterm,
      activity: { kind: 'type', window: () => desktop.xterm },
      leave: async () => {
        notes.push(`audio before the pause: ${JSON.stringify(await browser.inPage('linkedin.com', AUDIO_STATE))}; audible tabs: ${await browser.audibleTabs()}`);
        await browser.inPage('linkedin.com', PAUSE_AUDIO);
        await desktop.activate(windows.second);
      },
    },
  ];
}
