/**
 * How long the frequent kinds of input (mouse moves, wheel notches) go unheard after one is
 * heard. Every event a page listens to is dispatched into the content script's world, and a
 * wheel listener sends the page's scrolling through its main thread: measured on the fake
 * pages, about 0.25 ms of the page's CPU a mouse move and 0.6 ms a wheel notch, however
 * little the listener does. Heard once per this span, a moving mouse costs a tenth as much,
 * and the last input is known to within this span (the count's 1 s accuracy allows it).
 */
export const INPUT_SAMPLE_MS = 200;

export interface InputSamplerDeps {
  /** Adds (true) or removes (false) the listeners of the frequent kinds. */
  listen: (on: boolean) => void;
  setTimer: (callback: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** 0 keeps the listeners on all the time (e2e builds, whose tests send inputs milliseconds apart). */
  sampleMs?: number;
}

/** Takes the frequent listeners off after each event heard, and puts them back `sampleMs` later. */
export class InputSampler {
  private timer: unknown = null;
  private listening = false;
  private readonly sampleMs: number;

  constructor(private deps: InputSamplerDeps) {
    this.sampleMs = deps.sampleMs ?? INPUT_SAMPLE_MS;
  }

  start(): void {
    this.setListening(true);
  }

  /** A frequent input was just heard. */
  heard(): void {
    if (this.sampleMs <= 0 || this.timer !== null) return;
    this.setListening(false);
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      this.setListening(true);
    }, this.sampleMs);
  }

  dispose(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
    this.setListening(false);
  }

  private setListening(on: boolean): void {
    if (on === this.listening) return;
    this.listening = on;
    this.deps.listen(on);
  }
}
