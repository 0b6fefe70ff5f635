import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import fr from '../../../public/_locales/fr/messages.json';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

function placeholdersUsed(message: string): string[] {
  return [...message.matchAll(/\$([A-Z_]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
}

describe('the two languages', () => {
  it('have the same messages', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it.each([
    ['en', en as Catalogue],
    ['fr', fr as Catalogue],
  ])('%s: every placeholder a message uses is declared, and no message is empty', (_lang, catalogue) => {
    for (const [key, entry] of Object.entries(catalogue)) {
      expect(entry.message.trim(), key).not.toBe('');
      expect(placeholdersUsed(entry.message), key).toEqual(Object.keys(entry.placeholders ?? {}).sort());
    }
  });
});
