import { describe, expect, it } from 'vitest';
import { PageReporter } from '../../../lib/activity/page-reporter';
import type { PageReport } from '../../../lib/messaging/protocol';
import { manualClock } from '../support/manual-clock';

/** A reporter on a manual clock, with timers that fire when the clock passes them. */
function setup() {
  const clock = manualClock();
  const sent: Array<PageReport & { at: number }> = [];
  const state = { url: 'https://www.facebook.com/boulangerie-dupont', visible: true, mediaPlaying: false };
  const reporter = new PageReporter({
    now: clock.now,
    read: () => ({ ...state }),
    send: (report) => sent.push({ ...report, at: clock.now() }),
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
  });
  return { reporter, sent, state, advanceTo: clock.advanceTo };
}

describe('page reports', () => {
  it('reports the first input at once and folds the rest into one report per interval', () => {
    const { reporter, sent, advanceTo } = setup();
    // Input every 100 ms for a minute.
    for (let t = 0; t <= 60_000; t += 100) {
      advanceTo(t);
      reporter.input();
    }
    advanceTo(120_000);
    // 0, 10, …, 60 s, and one trailing report for the input at 60 s.
    expect(sent).toHaveLength(8);
    expect(sent[0]).toMatchObject({ at: 0, inputAgoMs: 0 });
    for (let i = 1; i < sent.length; i++) expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(10_000);
    // The last report says when the last input really was.
    const last = sent[sent.length - 1]!;
    expect(last.at - last.inputAgoMs!).toBe(60_000);
  });

  it('takes the input time from the event when given, and reads the clock only when a report may be due', () => {
    const { reporter, sent, advanceTo } = setup();
    advanceTo(0);
    reporter.input();
    advanceTo(4_000);
    // An event stamped a little before it is handled.
    reporter.input(3_950);
    advanceTo(20_000);
    expect(sent.map((r) => [r.at, r.inputAgoMs])).toEqual([
      [0, 0],
      [10_000, 6_050],
    ]);
  });

  it('reports at once the first input after the page started, or after it gained the focus again', () => {
    const { reporter, sent, advanceTo } = setup();
    // The script starts: the page's state, no input.
    reporter.change();
    advanceTo(3_000);
    reporter.input();
    advanceTo(4_000);
    reporter.input();
    // Focus leaves and comes back within the interval.
    advanceTo(5_000);
    reporter.urgentChange();
    advanceTo(6_000);
    reporter.urgentChange();
    advanceTo(7_000);
    reporter.input();
    expect(sent.map((r) => [r.at, r.inputAgoMs])).toEqual([
      [0, null],
      [3_000, 0],
      [5_000, 1_000],
      [6_000, null],
      [7_000, 0],
    ]);
  });

  it('sends nothing while nothing happens', () => {
    const { sent, advanceTo } = setup();
    advanceTo(3_600_000);
    expect(sent).toEqual([]);
  });

  it('reports a hidden page or media at once, with no input when there was none', () => {
    const { reporter, sent, state, advanceTo } = setup();
    reporter.input();
    advanceTo(2_000);
    state.visible = false;
    reporter.urgentChange();
    expect(sent.map((r) => [r.at, r.visible, r.inputAgoMs])).toEqual([
      [0, true, 0],
      [2_000, false, null],
    ]);
  });

  it('carries a new URL in the next report', () => {
    const { reporter, sent, state, advanceTo } = setup();
    reporter.input();
    advanceTo(1_000);
    state.url = 'https://www.facebook.com/fleuriste-martin';
    reporter.change();
    advanceTo(20_000);
    expect(sent.map((r) => [r.at, r.url])).toEqual([
      [0, 'https://www.facebook.com/boulangerie-dupont'],
      [10_000, 'https://www.facebook.com/fleuriste-martin'],
    ]);
  });

  it('says how long ago the input was in whole milliseconds, though the page clock has fractions', () => {
    const { reporter, sent, advanceTo } = setup();
    advanceTo(0.3);
    reporter.input();
    advanceTo(5_000.7);
    reporter.input();
    advanceTo(20_000);
    // The trailing report leaves at 10 000.3 for the input at 5 000.7.
    expect(sent.map((r) => [r.at, r.inputAgoMs])).toEqual([
      [0.3, 0],
      [10_000.3, 5000],
    ]);
  });
});
