import { describe, expect, it } from 'vitest';
import { amountCents, rateCents } from '../../../lib/money/cents';
import { HOUR, MINUTE, SECOND } from '../../../lib/time/clock';
import { seededRandom as seeded } from '../../support/seeded-random';

describe('an hourly rate in cents', () => {
  it.each([
    [40, 4000],
    [10.35, 1035],
    [45.5, 4550],
    [0.29, 29],
    [0.1, 10],
    [0, 0],
    [100_000, 10_000_000],
    [1.005, 101],
    [2.675, 268],
    [1e-7, 0],
    [null, null],
    [undefined, null],
    [-1, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
  ])('%s → %s', (rate, cents) => expect(rateCents(rate)).toBe(cents));

  it('is exact for every rate typed with at most two decimals', () => {
    for (let cents = 0; cents <= 100_000; cents++) {
      const typed = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      if (rateCents(Number(typed)) !== cents) expect.fail(`${typed} → ${rateCents(Number(typed))}`);
    }
    const random = seeded(20261130);
    for (let i = 0; i < 20_000; i++) {
      const cents = Math.floor(random() * 10_000_001);
      expect(rateCents(Number(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`))).toBe(cents);
    }
  });
});

describe('an amount in cents', () => {
  it.each([
    [6 * MINUTE, 1035, 104],
    [HOUR, 4000, 4000],
    [90 * MINUTE, 4000, 6000],
    [0, 4000, 0],
    [SECOND, 1, 0],
    [30 * MINUTE, 1, 1],
    [18 * SECOND, 1000, 5],
    [744 * HOUR, 10_000_000, 7_440_000_000],
  ])('%i ms at %i cents an hour → %i cents', (ms, rate, cents) => expect(amountCents(ms, rate)).toBe(cents));

  it('is the nearest cent, halves rounded up, for random times and two-decimal rates', () => {
    const random = seeded(42);
    for (let i = 0; i < 20_000; i++) {
      const ms = Math.floor(random() * 31 * 24) * HOUR + Math.floor(random() * 3600) * SECOND;
      const rate = Math.floor(random() * 100_001);
      const cents = BigInt(amountCents(ms, rate));
      // |cents − ms × rate / 3,600,000| ≤ ½, and a half goes up: in integers, times 7,200,000.
      const twice = 2n * BigInt(ms) * BigInt(rate);
      const low = cents * 7_200_000n - 3_600_000n;
      if (!(low <= twice && twice < low + 7_200_000n)) expect.fail(`${ms} ms at ${rate} → ${cents}`);
    }
  });
});
