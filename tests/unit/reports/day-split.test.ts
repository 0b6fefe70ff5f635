import { describe, expect, it } from 'vitest';
import { splitByDay } from '../../../lib/reports/day-split';
import { overlapMs } from '../../../lib/reports/range-summary';
import { isoDate } from '../../../lib/time/calendar';
import { HOUR, SECOND } from '../../../lib/time/clock';

const at = (d: number, h: number, m = 0, s = 0, ms = 0) => new Date(2026, 10, d, h, m, s, ms).getTime();
const week = { from: at(23, 0), to: at(30, 0) };

describe('day pieces in whole seconds', () => {
  it.each([
    ['a start and an end inside their seconds', at(25, 9, 0, 0, 999), at(25, 9, 1, 0, 1), [['2026-11-25', at(25, 9), at(25, 9, 1)]]],
    ['a sliver under a second', at(25, 9, 0, 0, 100), at(25, 9, 0, 0, 900), []],
    ['a second and a sliver across a second', at(25, 9, 0, 0, 900), at(25, 9, 0, 1, 100), [['2026-11-25', at(25, 9), at(25, 9, 0, 1)]]],
    ['across midnight', at(25, 23, 59, 30, 500), at(26, 0, 0, 30, 500), [['2026-11-25', at(25, 23, 59, 30), at(26, 0)], ['2026-11-26', at(26, 0), at(26, 0, 0, 30)]]],
    ['a sliver after midnight', at(25, 23, 59, 59, 500), at(26, 0, 0, 0, 400), [['2026-11-25', at(25, 23, 59, 59), at(26, 0)]]],
    ['reaching out of the range', at(22, 23, 0, 0, 250), at(23, 1, 0, 0, 750), [['2026-11-23', at(23, 0), at(23, 1)]]],
  ])('%s', (_, start, end, pieces) => {
    const found = splitByDay({ start, end }, week);
    expect(found.map((p) => [isoDate(p.day), p.start, p.end])).toEqual(pieces);
  });

  it('count what the pieces count, for a range too', () => {
    const session = { start: at(25, 9, 0, 0, 999), end: at(25, 9, 1, 0, 1) };
    expect(overlapMs(session, week)).toBe(60 * SECOND);
    expect(overlapMs({ start: at(25, 9, 0, 0, 100), end: at(25, 9, 0, 0, 900) }, week)).toBe(0);
    expect(overlapMs({ start: at(22, 23, 0, 0, 250), end: at(23, 1, 0, 0, 750) }, week)).toBe(HOUR);
  });
});
