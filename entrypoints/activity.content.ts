import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { InputSampler } from '../lib/activity/input-sampler';
import { PageReporter, REPORT_INTERVAL_MS, type PageReporterDeps } from '../lib/activity/page-reporter';
import { withDrainProbe } from '../lib/activity/test-probe';
import { builtInMatchPatterns } from '../lib/platforms/domains';

/** Input that only a person produces. `scroll` is left out: scripts scroll pages too. */
const INPUT_EVENTS = ['pointerdown', 'keydown', 'touchstart'] as const;
/** Input that comes dozens of times a second: heard once per sample span (input-sampler.ts). */
const FREQUENT_INPUT_EVENTS = ['mousemove', 'wheel'] as const;

const MEDIA_EVENTS = ['playing', 'pause', 'ended', 'emptied', 'volumechange'] as const;

/**
 * Watches the page without touching it: passive listeners, no DOM writes, no layout reads.
 * Reports go to the background, which alone decides what counts.
 */
export default defineContentScript({
  matches: builtInMatchPatterns(),
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    /** Audible media playing now: a muted feed video playing by itself is not someone watching. */
    const playing = new Set<HTMLMediaElement>();

    const deps: PageReporterDeps = {
      now: () => performance.now(),
      read: () => ({
        url: location.href,
        visible: document.visibilityState === 'visible',
        mediaPlaying: playing.size > 0,
      }),
      send: (report) => {
        browser.runtime.sendMessage(report).catch(() => {
          // The extension was reloaded or updated: this copy of the script is orphaned.
          ctx.abort();
        });
      },
      setTimer: (callback, ms) => ctx.setTimeout(callback, ms),
      clearTimer: (handle) => clearTimeout(handle as number),
      // Browser tests move the tracker's clock between steps, and it stands still in between:
      // e2e builds report each input at once (from its event handler), so a report never says
      // "input some real time ago" that a loaded machine would stretch. The tests wait for the
      // reports to be handled (test-probe.ts); the throttling itself is unit-tested.
      intervalMs: import.meta.env.MODE === 'e2e' ? 0 : REPORT_INTERVAL_MS,
    };
    // E2E builds: browser tests wait until this page's reports are handled (no sleeping).
    const reporter = new PageReporter(import.meta.env.MODE === 'e2e' ? withDrainProbe(deps) : deps);
    ctx.onInvalidated(() => reporter.dispose());

    const options = { capture: true, passive: true } as const;
    // The event's own time stamp (the clock of performance.now()), nothing else.
    const onInput = (event: Event) => {
      if (event.isTrusted) reporter.input(event.timeStamp);
    };
    for (const type of INPUT_EVENTS) ctx.addEventListener(window, type, onInput, options);

    let frequent: AbortController | null = null;
    const sampler = new InputSampler({
      listen: (on) => {
        frequent?.abort();
        frequent = null;
        if (!on) return;
        frequent = new AbortController();
        for (const type of FREQUENT_INPUT_EVENTS) window.addEventListener(type, onFrequentInput, { ...options, signal: frequent.signal });
      },
      setTimer: (callback, ms) => ctx.setTimeout(callback, ms),
      clearTimer: (handle) => clearTimeout(handle as number),
      // E2E tests send inputs milliseconds apart on a test clock: each must be heard.
      sampleMs: import.meta.env.MODE === 'e2e' ? 0 : undefined,
    });
    const onFrequentInput = (event: Event) => {
      if (!event.isTrusted) return;
      reporter.input(event.timeStamp);
      sampler.heard();
    };
    sampler.start();
    ctx.onInvalidated(() => sampler.dispose());

    const onMedia = (event: Event) => {
      const media = event.target;
      if (!(media instanceof HTMLMediaElement)) return;
      const wasPlaying = playing.size > 0;
      if (!media.paused && !media.ended && !media.muted && media.volume > 0) playing.add(media);
      else playing.delete(media);
      if (wasPlaying !== playing.size > 0) reporter.urgentChange();
    };
    for (const type of MEDIA_EVENTS) ctx.addEventListener(document, type, onMedia, options);

    // The background reads the browser's view when a report arrives: these make it look at once
    // when the page is hidden or its window gains or loses the focus (on Linux, Chromium tells
    // the extension nothing when another application takes the focus; the page's blur does).
    ctx.addEventListener(document, 'visibilitychange', () => reporter.urgentChange(), options);
    ctx.addEventListener(window, 'focus', () => reporter.urgentChange(), options);
    ctx.addEventListener(window, 'blur', () => reporter.urgentChange(), options);
    ctx.addEventListener(window, 'popstate', () => reporter.change(), options);
    ctx.addEventListener(window, 'wxt:locationchange', () => reporter.change());
    // The page is there (loaded, or injected into a tab already open): its state, no input.
    reporter.change();
  },
});
