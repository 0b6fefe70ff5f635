import { describe, expect, it } from 'vitest';
import { formatDuration, formatMoney, formatShortDuration } from '../../../lib/ui/format';

describe('durations', () => {
  it.each([
    [0, '0 s'],
    [999, '0 s'],
    [45_000, '45 s'],
    [60_000, '1 min'],
    [59 * 60_000 + 59_999, '59 min'],
    [3_600_000, '1 h 00'],
    [3_600_000 + 5 * 60_000, '1 h 05'],
    [26 * 3_600_000, '26 h 00'],
    [-5, '0 s'],
  ])('%i ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('durations above narrow bars', () => {
  // Hours and minutes, never decimal hours: '4,37' reads as 4 h 37 to a French eye.
  it.each([
    [0, '0:00'],
    [59_999, '0:00'],
    [4 * 3_600_000 + 22 * 60_000 + 59_000, '4:22'],
    [12 * 3_600_000 + 5 * 60_000, '12:05'],
  ])('%i ms → %s', (ms, text) => expect(formatShortDuration(ms)).toBe(text));
});

describe('money', () => {
  it.each([
    [104, 'EUR', '€1.04'],
    [0, 'EUR', '€0.00'],
    [123_456_789, 'USD', '$1,234,567.89'],
    [1035, 'GBP', '£10.35'],
  ])('%i cents in %s → %s', (cents, currency, text) => expect(formatMoney(cents, currency)).toBe(text));
});
