import { describe, expect, it } from 'vitest';
import { HOUR } from '../../../lib/time/clock';
import { MAX_SESSION_MS } from '../../../lib/tracking/settings';
import { Tracker } from '../../../lib/tracking/tracker';
import { FB_OTHER, FB_PAGE, IG_PAGE, LI_PAGE, NOT_TRACKED, T0, TrackerHarness, ev } from '../../support/tracker-harness';

/** One window (1) with one Facebook tab (10), focused, nothing happened yet. */
function onFacebook(options?: ConstructorParameters<typeof TrackerHarness>[0]) {
  return new TrackerHarness(options).at(0, ev.sync(1, [[10, 1, FB_PAGE]]));
}

/** Input every `every` seconds in tab 10 from `from` to `to` inclusive. */
function typing(h: TrackerHarness, from: number, to: number, every = 5, url = FB_PAGE, tabId = 10, windowId = 1) {
  for (let t = from; t <= to; t += every) h.at(t, ev.input(tabId, windowId, url));
  return h;
}

describe('engaged time', () => {
  it('counts steady input on one page exactly, as one session', () => {
    const h = typing(onFacebook(), 10, 610);
    expect(h.spans()).toEqual([[10, 610, 'facebook:boulangerie-dupont']]);
  });

  it('counts nothing on a page where the user never acted', () => {
    const h = onFacebook().at(300, ev.tick());
    expect(h.totalSeconds()).toBe(0);
    expect(h.tracker.status(h.now).kind).toBe('waiting');
  });

  it('counts nothing on a site that is not tracked', () => {
    const h = new TrackerHarness().at(0, ev.sync(1, [[10, 1, NOT_TRACKED]]));
    typing(h, 0, 300, 5, NOT_TRACKED);
    expect(h.totalSeconds()).toBe(0);
    expect(h.tracker.status(h.now).kind).toBe('not-tracked');
  });

  it('takes the time of a throttled report from how long ago the input was', () => {
    const h = onFacebook().at(100, ev.input(10, 1, FB_PAGE)).at(110, ev.input(10, 1, FB_PAGE, 4)).at(400, ev.tick());
    // Last input at 106; the allowance lapsed: the session ends there.
    expect(h.spans()).toEqual([[100, 106, 'facebook:boulangerie-dupont']]);
  });
});

describe('the reading allowance', () => {
  it('counts a pause shorter than the allowance as reading', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(59, ev.input(10, 1, FB_PAGE)).at(100, ev.input(10, 1, FB_PAGE));
    expect(h.spans()).toEqual([[0, 100, 'facebook:boulangerie-dupont']]);
  });

  it('ends the session at the last activity once a pause reaches the allowance: no idle tail is billed', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(30, ev.input(10, 1, FB_PAGE)).at(90, ev.tick()).at(200, ev.input(10, 1, FB_PAGE)).at(230, ev.tick());
    expect(h.spans()).toEqual([
      [0, 30, 'facebook:boulangerie-dupont'],
      [200, 230, 'facebook:boulangerie-dupont'],
    ]);
  });

  it('back-dates even when nothing wakes the tracker until much later', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(20, ev.input(10, 1, FB_PAGE)).at(140, ev.tick());
    expect(h.spans()).toEqual([[0, 20, 'facebook:boulangerie-dupont']]);
  });

  it('follows the allowance setting', () => {
    const h = onFacebook({ settings: { readingAllowanceMs: 120_000 } }).at(0, ev.input(10, 1, FB_PAGE)).at(100, ev.input(10, 1, FB_PAGE)).at(400, ev.tick());
    expect(h.spans()).toEqual([[0, 100, 'facebook:boulangerie-dupont']]);
  });
});

describe('idle and locked', () => {
  it('back-dates to the last activity when the system reports idle', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(40, ev.input(10, 1, FB_PAGE)).at(100, ev.idle('idle')).at(700, ev.idle('active'));
    expect(h.spans()).toEqual([[0, 40, 'facebook:boulangerie-dupont']]);
    expect(h.tracker.status(h.now).kind).toBe('waiting');
  });

  it('treats locked as idle', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(20, ev.input(10, 1, FB_PAGE)).at(30, ev.idle('locked')).at(900, ev.idle('active'));
    expect(h.spans()).toEqual([[0, 20, 'facebook:boulangerie-dupont']]);
  });

  it('starts again with the first input after idle', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(10, ev.input(10, 1, FB_PAGE)).at(60, ev.idle('idle')).at(300, ev.idle('active')).at(305, ev.input(10, 1, FB_PAGE)).at(320, ev.input(10, 1, FB_PAGE));
    expect(h.spans()).toEqual([
      [0, 10, 'facebook:boulangerie-dupont'],
      [305, 320, 'facebook:boulangerie-dupont'],
    ]);
  });
});

describe('media', () => {
  it('keeps time engaged while media plays in the focused tab, even when the system is idle', () => {
    const h = onFacebook()
      .at(0, ev.input(10, 1, FB_PAGE))
      .at(5, ev.media(10, 1, FB_PAGE, true))
      .at(65, ev.idle('idle'));
    for (let t = 90; t <= 600; t += 30) h.at(t, ev.tick());
    h.at(600, ev.media(10, 1, FB_PAGE, false)).at(800, ev.tick());
    expect(h.spans()).toEqual([[0, 600, 'facebook:boulangerie-dupont']]);
  });

  it('stops counting media when the screen locks', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(5, ev.media(10, 1, FB_PAGE, true)).at(30, ev.tick()).at(60, ev.tick()).at(75, ev.idle('locked')).at(400, ev.tick());
    expect(h.spans()).toEqual([[0, 75, 'facebook:boulangerie-dupont']]);
  });

  it('ignores media when the setting is off', () => {
    const h = onFacebook({ settings: { countMedia: false } }).at(0, ev.input(10, 1, FB_PAGE)).at(20, ev.input(10, 1, FB_PAGE)).at(25, ev.media(10, 1, FB_PAGE, true));
    for (let t = 30; t <= 300; t += 30) h.at(t, ev.tick());
    expect(h.spans()).toEqual([[0, 20, 'facebook:boulangerie-dupont']]);
  });

  it('ignores media playing in a background tab', () => {
    const h = onFacebook()
      .at(0, ev.input(10, 1, FB_PAGE))
      .at(1, ev.media(11, 1, IG_PAGE, true))
      .at(2, ev.input(10, 1, FB_PAGE));
    for (let t = 30; t <= 300; t += 30) h.at(t, ev.tick());
    expect(h.spans()).toEqual([[0, 2, 'facebook:boulangerie-dupont']]);
  });
});

describe('one stream at a time', () => {
  it('moves time between tabs without ever counting two at once', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(30, ev.input(10, 1, FB_PAGE));
    h.at(40, ev.activate(11, 1, IG_PAGE));
    // The Facebook tab keeps reporting (a background timer, a late message): it must not count.
    h.at(45, ev.input(10, 1, FB_PAGE));
    typing(h, 50, 100, 10, IG_PAGE, 11);
    h.at(110, ev.activate(10, 1, FB_PAGE)).at(130, ev.input(10, 1, FB_PAGE));
    expect(h.spans()).toEqual([
      [0, 40, 'facebook:boulangerie-dupont'],
      [40, 110, 'instagram:boulangerie.dupont'],
      [110, 130, 'facebook:boulangerie-dupont'],
    ]);
    expect(h.totalSeconds()).toBe(130);
  });

  it('stops at once on a tab that is not tracked, and when the tracked tab closes', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(20, ev.activate(12, 1, NOT_TRACKED)).at(50, ev.activate(10, 1, FB_PAGE)).at(55, ev.input(10, 1, FB_PAGE)).at(70, ev.removed(10));
    expect(h.spans()).toEqual([
      [0, 20, 'facebook:boulangerie-dupont'],
      [50, 70, 'facebook:boulangerie-dupont'],
    ]);
  });

  it('stops at once when focus leaves the browser, and starts again at the first input when it returns', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(25, ev.focus(null)).at(40, ev.tick()).at(80, ev.focus(1)).at(85, ev.input(10, 1, FB_PAGE)).at(90, ev.input(10, 1, FB_PAGE));
    expect(h.spans()).toEqual([
      [0, 25, 'facebook:boulangerie-dupont'],
      [85, 90, 'facebook:boulangerie-dupont'],
    ]);
    h.at(95, ev.focus(null));
    expect(h.tracker.status(h.now).kind).toBe('not-focused');
  });

  it('counts one window at a time through the WINDOW_ID_NONE flapping of a window switch', () => {
    const h = new TrackerHarness().at(0, ev.sync(1, [[10, 1, FB_PAGE], [20, 2, LI_PAGE]]));
    typing(h, 0, 60, 10, FB_PAGE, 10, 1);
    h.at(61, ev.focus(null)).at(61.05, ev.focus(2));
    typing(h, 65, 125, 10, LI_PAGE, 20, 2);
    h.at(126, ev.focus(null)).at(126.02, ev.focus(1)).at(126.03, ev.focus(null)).at(126.04, ev.focus(1));
    typing(h, 130, 150, 10, FB_PAGE, 10, 1);
    const sessions = h.sessions().sort((a, b) => a.start - b.start);
    for (let i = 1; i < sessions.length; i++) expect(sessions[i]!.start).toBeGreaterThanOrEqual(sessions[i - 1]!.end);
    // Each window's time starts with the first input in it: 0–61 and 130–150; 65–126.
    expect(h.byAccount()).toEqual({
      'facebook:boulangerie-dupont': 81,
      'linkedin:company/acme-conseil': 61,
    });
  });

  it('believes the browser view that comes with a report over a focus event that said no window was focused', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(10, ev.focus(null));
    const view = { focusedWindowId: 1, activeTab: { tabId: 10, windowId: 1, url: FB_PAGE } };
    h.at(12, ev.input(10, 1, FB_PAGE, 0, { view })).at(40, ev.input(10, 1, FB_PAGE, 0, { view }));
    expect(h.spans()).toEqual([
      [0, 10, 'facebook:boulangerie-dupont'],
      [12, 40, 'facebook:boulangerie-dupont'],
    ]);
  });

  it('ignores input reported by a page in a window without focus, and a hidden page', () => {
    const h = new TrackerHarness().at(0, ev.sync(2, [[10, 1, FB_PAGE], [20, 2, NOT_TRACKED]]));
    h.at(0, ev.input(10, 1, FB_PAGE)).at(30, ev.tick());
    expect(h.totalSeconds()).toBe(0);
    h.at(35, ev.focus(1));
    h.at(40, ev.input(10, 1, FB_PAGE)).at(50, ev.page(10, 1, FB_PAGE, { visible: false })).at(80, ev.tick());
    expect(h.spans()).toEqual([[40, 50, 'facebook:boulangerie-dupont']]);
  });
});

describe('splitting inside a tab', () => {
  it('splits the session when a single-page navigation changes the account', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(30, ev.input(10, 1, FB_PAGE));
    h.at(31, ev.navigate(10, 1, FB_OTHER)).at(32, ev.input(10, 1, FB_OTHER)).at(60, ev.input(10, 1, FB_OTHER));
    expect(h.spans()).toEqual([
      [0, 31, 'facebook:boulangerie-dupont'],
      [31, 60, 'facebook:fleuriste-martin'],
    ]);
  });

  it('splits when the kind of activity changes, and reads the new URL from the page report alone', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(20, ev.input(10, 1, `${FB_PAGE}/inbox`)).at(40, ev.input(10, 1, `${FB_PAGE}/inbox`));
    expect(h.sessions().map((s) => [s.activity, (s.end - s.start) / 1000])).toEqual([
      ['browsing', 20],
      ['messages', 20],
    ]);
  });

  it('does not split for a new URL on the same account and activity', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(20, ev.navigate(10, 1, `${FB_PAGE}/posts/123`)).at(40, ev.input(10, 1, `${FB_PAGE}/posts/123`));
    expect(h.spans()).toEqual([[0, 40, 'facebook:boulangerie-dupont']]);
  });

  it('splits when the attribution of the stream changes', () => {
    let client: string | null = null;
    const h = onFacebook({ attribute: () => (client ? { clientId: client, assignedBy: 'rule', kind: 'account', ruleId: 'r1' } : null) }).at(0, ev.input(10, 1, FB_PAGE));
    client = 'dupont';
    h.at(20, ev.input(10, 1, FB_PAGE)).at(30, ev.input(10, 1, FB_PAGE));
    expect(h.sessions().map((s) => [s.clientId, s.assignedBy, s.ruleId, (s.end - s.start) / 1000])).toEqual([
      [null, null, null, 20],
      ['dupont', 'rule', 'r1', 10],
    ]);
  });

  it('rolls a session over when it reaches the maximum length', () => {
    const h = onFacebook();
    typing(h, 0, (MAX_SESSION_MS + HOUR) / 1000, 20);
    expect(h.sessions().map((s) => s.end - s.start)).toEqual([MAX_SESSION_MS, HOUR]);
  });
});

describe('a clock that jumps', () => {
  it('counts nothing across a sleep, even with media playing', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(5, ev.media(10, 1, FB_PAGE, true)).at(30, ev.tick());
    // The lid closes at ~40; the next wake-up comes two hours later.
    h.at(7200, ev.tick()).at(7230, ev.tick());
    expect(h.sessions()[0]).toMatchObject({ start: T0, end: T0 + 30_000 });
    expect(h.totalSeconds()).toBeLessThanOrEqual(30 + 30);
  });

  it('never yields a negative or inflated session when the clock goes backwards', () => {
    const h = onFacebook();
    typing(h, 0, 100, 10);
    h.at(-3500, ev.input(10, 1, FB_PAGE));
    typing(h, -3490, -3400, 10);
    for (const s of h.sessions()) expect(s.end).toBeGreaterThan(s.start);
    expect(h.totalSeconds()).toBe(100 + 100);
  });
});

describe('pause', () => {
  it('counts nothing while paused and resumes with the next input', () => {
    const h = onFacebook().at(0, ev.input(10, 1, FB_PAGE)).at(20, ev.pause());
    typing(h, 25, 200, 5);
    expect(h.tracker.status(h.now).kind).toBe('paused');
    h.at(210, ev.resume()).at(215, ev.input(10, 1, FB_PAGE)).at(240, ev.input(10, 1, FB_PAGE));
    expect(h.spans()).toEqual([
      [0, 20, 'facebook:boulangerie-dupont'],
      [210, 240, 'facebook:boulangerie-dupont'],
    ]);
  });
});

describe('restart of the service worker', () => {
  it('continues the same session from the checkpoint: nothing lost, nothing counted twice', () => {
    const reference = typing(onFacebook(), 0, 300, 10);
    const h = typing(onFacebook(), 0, 100, 10);
    const openId = h.tracker.open?.id;
    h.restart();
    h.at(101, ev.sync(1, [[10, 1, FB_PAGE]]));
    typing(h, 110, 300, 10);
    expect(h.sessions()).toHaveLength(1);
    expect(h.tracker.open?.id).toBe(openId);
    expect(h.totalSeconds()).toBe(reference.totalSeconds());
  });

  it('ends the session at the last activity when the worker wakes after the allowance', () => {
    const h = typing(onFacebook(), 0, 50, 10).restart().at(400, ev.sync(1, [[10, 1, FB_PAGE]]));
    expect(h.spans()).toEqual([[0, 50, 'facebook:boulangerie-dupont']]);
  });

  it('restores from a JSON round trip, as storage gives it back', () => {
    const h = typing(onFacebook(), 0, 40, 10);
    const restored = new Tracker(h.deps(), JSON.parse(JSON.stringify(h.tracker.snapshot())));
    expect(restored.status(T0 + 45_000)).toMatchObject({ kind: 'tracking', session: { start: T0, end: T0 + 45_000 } });
  });
});

describe('a mixed day', () => {
  it('gives exact totals per account for a morning of work across tabs, windows, idle and media', () => {
    const h = new TrackerHarness().at(0, ev.sync(1, [[10, 1, FB_PAGE], [20, 2, LI_PAGE]]));
    // 09:00–09:20 Facebook, steady.
    typing(h, 0, 1200, 15);
    // Coffee: 10 minutes away, idle reported after 60 s.
    h.at(1260, ev.idle('idle')).at(1800, ev.idle('active'));
    // 09:30–09:45 Instagram in a new tab, with a 40-second read in the middle.
    h.at(1800, ev.activate(11, 1, IG_PAGE));
    typing(h, 1805, 2300, 15, IG_PAGE, 11);
    h.at(2340, ev.input(10, 1, IG_PAGE, 0, { tabId: 11 }));
    typing(h, 2355, 2700, 15, IG_PAGE, 11);
    // 09:45 switch to the LinkedIn window; the flapping NONE first.
    h.at(2700.5, ev.focus(null)).at(2700.6, ev.focus(2));
    typing(h, 2705, 3600, 15, LI_PAGE, 20, 2);
    // A video plays on LinkedIn for 5 minutes without input.
    h.at(3601, ev.media(20, 2, LI_PAGE, true));
    for (let t = 3630; t <= 3900; t += 30) h.at(t, ev.tick());
    h.at(3901, ev.media(20, 2, LI_PAGE, false));
    // Then the user leaves the browser.
    h.at(3905, ev.focus(null)).at(5000, ev.tick());

    expect(h.byAccount()).toEqual({
      'facebook:boulangerie-dupont': 1200,
      'instagram:boulangerie.dupont': 900.5,
      // From the first input in the LinkedIn window (2705) until the user leaves (3905).
      'linkedin:company/acme-conseil': 1200,
    });
  });
});
