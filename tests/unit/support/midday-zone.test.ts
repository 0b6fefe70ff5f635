import { describe, expect, it } from 'vitest';
import { middayZone } from '../../support/midday-zone';

const localHour = (ms: number, timeZone: string) => Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(ms));

describe('middayZone', () => {
  it.each(Array.from({ length: 24 }, (_, h) => h))('makes %i:30 UTC half past noon', (utcHour) => {
    const at = Date.UTC(2026, 11, 1, utcHour, 30);
    expect(localHour(at, middayZone(at))).toBe(12);
  });
});
