import { describe, expect, it } from 'vitest';
import { INPUT_SAMPLE_MS, InputSampler } from '../../../lib/activity/input-sampler';
import { manualClock } from '../support/manual-clock';

/** A sampler on a manual clock; `events(times)` plays frequent inputs and says which were heard. */
function setup(sampleMs?: number) {
  const clock = manualClock();
  let listening = false;
  const switches: Array<{ at: number; on: boolean }> = [];
  const sampler = new InputSampler({
    listen: (on) => {
      listening = on;
      switches.push({ at: clock.now(), on });
    },
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    ...(sampleMs === undefined ? {} : { sampleMs }),
  });
  const { advanceTo, pendingTimers } = clock;
  const events = (times: number[]) => {
    const heard: number[] = [];
    for (const t of times) {
      advanceTo(t);
      if (!listening) continue;
      heard.push(t);
      sampler.heard();
    }
    return heard;
  };
  return { sampler, events, advanceTo, switches, isListening: () => listening, pendingTimers };
}

describe('InputSampler', () => {
  it('hears a mouse moving at 50 Hz once per sample span, not fifty times a second', () => {
    const { sampler, events } = setup();
    sampler.start();
    const moves = Array.from({ length: 50 }, (_, i) => i * 20);
    const heard = events(moves);
    expect(heard.length).toBeLessThanOrEqual(Math.ceil(1000 / INPUT_SAMPLE_MS) + 1);
    expect(heard[0]).toBe(0);
  });

  it('knows the last input of a stream to within the sample span and one event gap', () => {
    for (const gap of [8, 16, 20, 33, 120]) {
      const { sampler, events } = setup();
      sampler.start();
      const moves = Array.from({ length: 400 }, (_, i) => 1000 + i * gap);
      const heard = events(moves);
      expect(moves.at(-1)! - heard.at(-1)!).toBeLessThanOrEqual(INPUT_SAMPLE_MS + gap);
    }
  });

  it('listens again after the span even when nothing more comes, and stays so', () => {
    const { sampler, events, advanceTo, isListening, pendingTimers } = setup();
    sampler.start();
    events([5]);
    expect(isListening()).toBe(false);
    advanceTo(5 + INPUT_SAMPLE_MS);
    expect(isListening()).toBe(true);
    advanceTo(60_000);
    expect(isListening()).toBe(true);
    expect(pendingTimers()).toBe(0);
    expect(events([60_001])).toEqual([60_001]);
  });

  it('keeps listening to every event when the span is 0 (e2e builds)', () => {
    const { sampler, events, switches } = setup(0);
    sampler.start();
    expect(events([0, 1, 2, 3])).toEqual([0, 1, 2, 3]);
    expect(switches).toEqual([{ at: 0, on: true }]);
  });

  it('takes its listeners off and leaves no timer when disposed', () => {
    const { sampler, events, advanceTo, isListening, pendingTimers } = setup();
    sampler.start();
    events([0]);
    sampler.dispose();
    expect(pendingTimers()).toBe(0);
    advanceTo(10_000);
    expect(isListening()).toBe(false);
    const listening = setup();
    listening.sampler.start();
    listening.sampler.dispose();
    expect(listening.isListening()).toBe(false);
  });
});
