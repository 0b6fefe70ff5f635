import type { PageReport } from '../messaging/protocol';

/** At most one report per this interval while the user acts (issue: one message per 10 s per tab). */
export const REPORT_INTERVAL_MS = 10_000;

export interface PageState {
  url: string;
  visible: boolean;
  mediaPlaying: boolean;
}

export interface PageReporterDeps {
  now: () => number;
  read: () => PageState;
  send: (report: PageReport) => void;
  setTimer: (callback: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  intervalMs?: number;
}

/**
 * Turns a stream of input events into few messages: the first input after a quiet spell is
 * reported at once, later ones fold into one trailing report at the end of the interval,
 * which says how long ago the last input was. Nothing is sent while nothing happens. Only
 * reports of input count for the interval: after a page starts, or after it gains or loses
 * the focus or shows again, the first input goes at once (its time may start a session,
 * and a session starts when its report arrives).
 */
export class PageReporter {
  private lastSent = Number.NEGATIVE_INFINITY;
  private lastInput: number | null = null;
  private timer: unknown = null;
  private readonly interval: number;

  constructor(private deps: PageReporterDeps) {
    this.interval = deps.intervalMs ?? REPORT_INTERVAL_MS;
  }

  /**
   * A trusted input event, at `at` (the event's time stamp, on the `now` clock). Called for
   * every mouse move: while a report is already due at the end of the interval, noting the
   * time is all it does.
   */
  input(at: number = this.deps.now()): void {
    this.lastInput = at;
    if (this.timer === null) this.schedule();
  }

  /** The page changed in a way that matters at once (hidden, focus gained or lost, media started or stopped). */
  urgentChange(): void {
    this.sendNow();
    this.lastSent = Number.NEGATIVE_INFINITY;
  }

  /** The page changed in a way that can wait for the next report (a new URL). */
  change(): void {
    this.schedule();
  }

  dispose(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    const wait = this.lastSent + this.interval - this.deps.now();
    if (wait <= 0) {
      this.sendNow();
    } else if (this.timer === null) {
      this.timer = this.deps.setTimer(() => {
        this.timer = null;
        this.sendNow();
      }, wait);
    }
  }

  private sendNow(): void {
    this.dispose();
    const now = this.deps.now();
    // Whole milliseconds: `performance.now()` has fractions, the stored times have none.
    const inputAgoMs = this.lastInput === null ? null : Math.max(0, Math.round(now - this.lastInput));
    this.lastInput = null;
    if (inputAgoMs !== null) this.lastSent = now;
    this.deps.send({ type: 'page-report', ...this.deps.read(), inputAgoMs });
  }
}
