import { describe, expect, it } from 'vitest';
import { holidayCountryForLocale } from '../../../lib/settings/holiday-default';

describe("a new user's public holidays, from the browser's language", () => {
  it.each([
    ['fr-FR', 'FR'],
    ['fr', 'FR'],
    ['fr-BE', 'BE'],
    ['fr-CA', 'CA'],
    ['fr-CH', 'CH'],
    ['en-US', 'US'],
    ['en-GB', 'GB'],
    ['en-NZ', 'NZ'],
    // No region: the one most likely for the language (Unicode's likely subtags).
    ['en', 'US'],
    ['de-CH', 'CH'],
    // A country whose holidays are not offered: none, rather than another country's.
    ['ja-JP', 'none'],
    ['pt-BR', 'none'],
    ['en-150', 'none'],
    ['', 'none'],
    ['not a locale', 'none'],
  ])('%j → %s', (locale, country) => expect(holidayCountryForLocale(locale)).toBe(country));
});
