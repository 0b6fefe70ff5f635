import { describe, expect, it } from 'vitest';
import { FB_PAGE, IG_PAGE, LI_PAGE, TrackerHarness, ev } from '../../support/tracker-harness';

/** One window (1) with one Facebook tab (10), focused. */
function onFacebook(options?: ConstructorParameters<typeof TrackerHarness>[0]) {
  return new TrackerHarness(options).at(0, ev.sync(1, [[10, 1, FB_PAGE]]));
}

describe('focus is known, not guessed', () => {
  it('stops the count when the browser says no window has the focus, though no focus event came', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(10, ev.input(10, 1, FB_PAGE));
    h.at(12, ev.view(null)).at(40, ev.tick());
    expect(h.spans()).toEqual([[0, 12, 'facebook:boulangerie-dupont']]);
  });

  it('stops audible media when the user leaves the browser', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(5, ev.media(10, 1, FB_PAGE, true));
    h.at(30, ev.tick()).at(40, ev.page(10, 1, FB_PAGE, { mediaPlaying: true, view: { focusedWindowId: null, activeTab: null } }));
    for (let t = 60; t <= 3600; t += 30) h.at(t, ev.tick());
    expect(h.spans()).toEqual([[0, 40, 'facebook:boulangerie-dupont']]);
  });

  it('counts input in the active tab of the focused window while the address bar has the keyboard', () => {
    // The page has not the focus (document.hasFocus() is false), but the browser shows it in the focused window.
    const view = { focusedWindowId: 1, activeTab: { tabId: 10, windowId: 1, url: FB_PAGE } };
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE, 0, { view })).at(20, ev.input(10, 1, FB_PAGE, 0, { view }));
    expect(h.spans()).toEqual([[0, 20, 'facebook:boulangerie-dupont']]);
  });

  it('does not take a focus event for the window that already has the focus as activity', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(20, ev.input(10, 1, FB_PAGE)).at(50, ev.focus(1)).at(200, ev.tick());
    expect(h.spans()).toEqual([[0, 20, 'facebook:boulangerie-dupont']]);
  });

  it('starts again at the first input when focus comes back', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(10, ev.input(10, 1, FB_PAGE)).at(12, ev.focus(null)).at(20, ev.focus(1)).at(35, ev.input(10, 1, FB_PAGE)).at(50, ev.input(10, 1, FB_PAGE));
    expect(h.spans()).toEqual([
      [0, 12, 'facebook:boulangerie-dupont'],
      [35, 50, 'facebook:boulangerie-dupont'],
    ]);
  });
});

describe('only the present counts', () => {
  it('counts from the report on when the browser shows its tab as the counted one though a focus event said otherwise', () => {
    const h = new TrackerHarness().at(0, ev.sync(1, [[10, 1, FB_PAGE], [20, 2, LI_PAGE]]));
    h.at(0, ev.input(10, 1, FB_PAGE)).at(10, ev.focus(2));
    const view = { focusedWindowId: 1, activeTab: { tabId: 10, windowId: 1, url: FB_PAGE } };
    h.at(15, ev.input(10, 1, FB_PAGE, 3, { view })).at(30, ev.input(10, 1, FB_PAGE, 0, { view }));
    expect(h.spans()).toEqual([
      [0, 10, 'facebook:boulangerie-dupont'],
      [15, 30, 'facebook:boulangerie-dupont'],
    ]);
  });

  it('never lets a report in flight from the tab just left take the count back', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(30, ev.input(10, 1, FB_PAGE)).at(40, ev.activate(11, 1, IG_PAGE));
    h.at(40.2, ev.input(10, 1, FB_PAGE, 0.5)).at(45, ev.input(10, 1, FB_PAGE, 5.5));
    for (let t = 50; t <= 100; t += 10) h.at(t, ev.input(11, 1, IG_PAGE));
    expect(h.spans()).toEqual([
      [0, 40, 'facebook:boulangerie-dupont'],
      [40, 100, 'instagram:boulangerie.dupont'],
    ]);
  });

  it('gives a second window its time from its first input, and the window behind none', () => {
    const h = new TrackerHarness().at(0, ev.sync(1, [[10, 1, FB_PAGE], [20, 2, LI_PAGE]]));
    for (let t = 0; t <= 30; t += 10) h.at(t, ev.input(10, 1, FB_PAGE));
    h.at(31, ev.focus(2)).at(33, ev.input(20, 2, LI_PAGE));
    for (let t = 38; t <= 63; t += 5) {
      h.at(t, ev.input(20, 2, LI_PAGE));
      // The mouse crosses the window behind: its page reports input.
      h.at(t + 1, ev.input(10, 1, FB_PAGE));
    }
    expect(h.spans()).toEqual([
      [0, 31, 'facebook:boulangerie-dupont'],
      // Still engaged at the last event (64), when the window behind reported.
      [33, 64, 'linkedin:company/acme-conseil'],
    ]);
  });

  it('ignores input that happened before the tab became the counted one', () => {
    const h = new TrackerHarness().at(0, ev.sync(1, [[10, 1, FB_PAGE], [20, 2, LI_PAGE]]));
    h.at(0, ev.input(10, 1, FB_PAGE)).at(10, ev.input(10, 1, FB_PAGE)).at(12, ev.focus(2));
    // A trailing report from window 2's page about input from before it had the focus.
    h.at(20, ev.input(20, 2, LI_PAGE, 9)).at(100, ev.tick());
    expect(h.spans()).toEqual([[0, 12, 'facebook:boulangerie-dupont']]);
  });

  it('counts input in a new window from the change when the change was handled a moment after the input', () => {
    const h = new TrackerHarness().at(0, ev.sync(1, [[10, 1, FB_PAGE], [20, 2, LI_PAGE]]));
    h.at(0, ev.input(10, 1, FB_PAGE)).at(10, ev.input(10, 1, FB_PAGE)).at(20, ev.focus(2));
    // Input in window 2 0.3 s before its focus event was handled: it belongs to the new window, from the change.
    h.at(20.1, ev.input(20, 2, LI_PAGE, 0.4)).at(40, ev.input(20, 2, LI_PAGE));
    expect(h.spans()).toEqual([
      [0, 20, 'facebook:boulangerie-dupont'],
      [20.1, 40, 'linkedin:company/acme-conseil'],
    ]);
  });

  it('forgets a tracked URL when the tab moves to a site the browser does not show', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(10, ev.input(10, 1, FB_PAGE));
    h.at(12, { type: 'tabUpdated', tabId: 10, windowId: 1, url: null });
    h.at(20, ev.tick());
    expect(h.spans()).toEqual([[0, 12, 'facebook:boulangerie-dupont']]);
    h.at(30, ev.activate(11, 1, IG_PAGE)).at(40, { type: 'tabActivated', tabId: 10, windowId: 1, url: null }).at(50, ev.tick());
    expect(h.totalSeconds()).toBe(12 + 10);
    expect(h.tracker.status(h.now).kind).toBe('not-tracked');
  });
});

describe('one time base', () => {
  it('decides the lapse of the allowance after the input that came with the same report', () => {
    const h = onFacebook({ settings: { readingAllowanceMs: 30_000 } }).at(0, ev.input(10, 1, FB_PAGE)).at(35, ev.input(10, 1, FB_PAGE, 10));
    h.at(40, ev.input(10, 1, FB_PAGE));
    expect(h.spans()).toEqual([[0, 40, 'facebook:boulangerie-dupont']]);
  });

  it('judges the silence before an input before the input: longer than the allowance, the session ended at the activity before it, though no event came during it', () => {
    // Under load no report and no wake-up is handled during a 22-s pause (allowance 15 s); the next report brings input.
    const h = onFacebook({ settings: { readingAllowanceMs: 15_000 } }).at(0, ev.input(10, 1, FB_PAGE)).at(5, ev.input(10, 1, FB_PAGE));
    h.at(27, ev.input(10, 1, FB_PAGE)).at(30, ev.input(10, 1, FB_PAGE));
    expect(h.spans()).toEqual([
      [0, 5, 'facebook:boulangerie-dupont'],
      [27, 30, 'facebook:boulangerie-dupont'],
    ]);
    // The same, the input's report arriving late: the pause is judged at the input's time.
    const late = onFacebook({ settings: { readingAllowanceMs: 15_000 } }).at(0, ev.input(10, 1, FB_PAGE)).at(5, ev.input(10, 1, FB_PAGE));
    late.at(27.5, ev.input(10, 1, FB_PAGE, 0.5)).at(30, ev.input(10, 1, FB_PAGE));
    expect(late.spans()).toEqual([
      [0, 5, 'facebook:boulangerie-dupont'],
      [27.5, 30, 'facebook:boulangerie-dupont'],
    ]);
  });

  it('neither closes a session nor forgets activity on a small step back of the clock', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(10, ev.input(10, 1, FB_PAGE)).at(9.2, ev.tick()).at(9.5, ev.input(10, 1, FB_PAGE)).at(30, ev.input(10, 1, FB_PAGE));
    expect(h.spans()).toEqual([[0, 30, 'facebook:boulangerie-dupont']]);
  });

  it('takes only a silence longer than both the wake-up interval and the allowance for a sleep', () => {
    const h = onFacebook({ settings: { readingAllowanceMs: 300_000 } }).at(0, ev.input(10, 1, FB_PAGE)).at(100, ev.input(10, 1, FB_PAGE)).at(260, ev.tick()).at(270, ev.input(10, 1, FB_PAGE));
    expect(h.spans()).toEqual([[0, 270, 'facebook:boulangerie-dupont']]);
  });

  it('stores whole milliseconds when the input time has fractions', () => {
    const h = onFacebook({ settings: { readingAllowanceMs: 30_000 } }).at(0, ev.input(10, 1, FB_PAGE)).at(10, ev.input(10, 1, FB_PAGE, 0.0004567)).at(100, ev.tick());
    for (const s of h.sessions()) {
      expect(Number.isInteger(s.start)).toBe(true);
      expect(Number.isInteger(s.end)).toBe(true);
    }
  });
});
