/**
 * Money as integer cents (hundredths of the currency's unit): sums and roundings of binary
 * fractions drift by a cent (6 min at 10.35 an hour came to 1.03 rather than 1.04).
 */

const MS_PER_HOUR = 3_600_000n;

/** What `String` gives for a finite, non-negative number: `10.35`, `40`, `1e-7`, `1e+21`. */
const DECIMAL = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * A rate as stored (a number typed as a decimal) in cents, read from its shortest decimal
 * form rather than multiplied in binary, so `10.35` is 1035 exactly. More than two decimals
 * (only data written before the form refused them) round half up. Null without a usable rate.
 */
export function rateCents(rate: number | null | undefined): number | null {
  if (rate == null || !Number.isFinite(rate) || rate < 0) return null;
  const [, whole = '0', fraction = '', exponent = '0'] = DECIMAL.exec(String(rate)) ?? [];
  const digits = BigInt(whole + fraction);
  const shift = Number(exponent) - fraction.length + 2;
  if (shift >= 0) return Number(digits * 10n ** BigInt(shift));
  const divisor = 10n ** BigInt(-shift);
  return Number((2n * digits + divisor) / (2n * divisor));
}

/**
 * Whole milliseconds at a rate in cents an hour, in cents: the nearest cent, a half cent
 * rounded up. In integers throughout (a month at a high rate passes 2^53 before dividing).
 * For whole seconds this is round-half-up(seconds × rate / 3600).
 */
export function amountCents(ms: number, centsPerHour: number): number {
  const product = BigInt(ms) * BigInt(centsPerHour);
  return Number((2n * product + MS_PER_HOUR) / (2n * MS_PER_HOUR));
}
