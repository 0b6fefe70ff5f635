import type { Weekday } from '../../../lib/time/calendar';

/** A seeded generator (mulberry32): a failing case can be replayed from the seed in its message. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const intBetween = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** A month of 2026 or 2027, as its first day's local midnight. */
export function randomMonth(random: () => number): number {
  return new Date(2026 + intBetween(random, 0, 1), intBetween(random, 0, 11), 1).getTime();
}

/** A non-empty set of weekdays. */
export function randomWorkingDays(random: () => number): Weekday[] {
  const days = ([0, 1, 2, 3, 4, 5, 6] as const).filter(() => random() < 0.6);
  return days.length > 0 ? days : [intBetween(random, 0, 6) as Weekday];
}

/** Contracted hours from 1 to 200, sometimes with a fraction that is a whole number of minutes (1.5 h, 7.25 h). */
export function randomHours(random: () => number): number {
  const whole = intBetween(random, 1, 200);
  return random() < 0.5 ? whole : Math.min(200, whole + intBetween(random, 1, 59) / 60);
}
