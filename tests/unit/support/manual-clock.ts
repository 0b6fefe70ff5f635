/** A clock that moves only when told, with timers that fire in order as it passes them. */
export function manualClock() {
  let now = 0;
  let timers: Array<{ at: number; callback: () => void; id: number }> = [];
  let nextId = 1;
  return {
    now: () => now,
    setTimer: (callback: () => void, ms: number): unknown => {
      timers.push({ at: now + ms, callback, id: nextId });
      return nextId++;
    },
    clearTimer: (id: unknown) => {
      timers = timers.filter((t) => t.id !== id);
    },
    pendingTimers: () => timers.length,
    advanceTo: (t: number) => {
      for (;;) {
        const due = timers.filter((timer) => timer.at <= t).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((timer) => timer !== due);
        now = due.at;
        due.callback();
      }
      now = t;
    },
  };
}
