import { describe, expect, it } from 'vitest';
import { itemBytes } from '../../../../lib/sync/browser-sync/item-size';
import { seededRandom } from '../../../support/seeded-random';
import { chromeItemBytes } from './fake-sync-area';
import { randomClient, randomSettings, text } from './random-config';

describe('items are counted as Chrome counts them', () => {
  it.each([
    ['a short key and a string', 'c:1', 'abc', 3 + 5],
    ['an epoch time: a double, written with .0', 'k', 1_764_500_000_000, 1 + 15],
    ['a small integer', 'k', 42, 1 + 2],
    ['a fraction', 'k', 7.5, 1 + 3],
    ['< is escaped', 'k', '<', 1 + 8],
    ['U+2028 is escaped', 'k', '\u2028', 1 + 8],
    ['a new line', 'k', '\n', 1 + 4],
    ['an accent: two bytes', 'k', 'é', 1 + 4],
    ['an emoji: four bytes', 'k', '😀', 1 + 6],
    ['a key in UTF-8', 'c:é', true, 4 + 4],
    ['fields left undefined are not written', 'k', { a: 1, b: undefined }, 1 + 7],
    ['an object', 'k', { name: 'x', list: [1, null, false] }, 1 + JSON.stringify({ name: 'x', list: [1, null, false] }).length],
  ])('%s', (_name, key, value, bytes) => {
    expect(itemBytes(key, value)).toBe(bytes);
    expect(chromeItemBytes(key, value)).toBe(bytes);
  });

  it('agrees with a separate writer of Chrome\'s JSON on any client and any settings', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = seededRandom(seed);
      const value = seed % 3 === 0 ? randomSettings(random, 1_764_500_000_000 + seed) : seed % 3 === 1 ? randomClient(random, `id-${seed}`, 1_764_500_000_000 + seed) : text(random, 200);
      expect(itemBytes(`c:${seed}`, value), `seed ${seed}`).toBe(chromeItemBytes(`c:${seed}`, value));
    }
  });

  it('counts half of a surrogate pair at least as Chrome does', () => {
    expect(itemBytes('k', '\ud83d')).toBeGreaterThanOrEqual(chromeItemBytes('k', '\ud83d'));
  });
});
