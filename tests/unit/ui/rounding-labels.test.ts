import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage, type Language } from '../../../lib/ui/i18n';
import { billedRoundedLabel, roundingLabel } from '../../../lib/ui/labels';

afterEach(() => setLanguage('en'));

describe("a client's rounding, in words", () => {
  it.each([
    ['en', 0, 'None', null],
    ['en', 1, 'Up to the next minute', 'Billed (each day rounded up to the minute)'],
    ['en', 15, 'Up to the next 15 minutes', 'Billed (each day rounded up to 15 min)'],
    ['fr', 0, 'Aucun', null],
    ['fr', 1, 'À la minute supérieure', 'Facturé (chaque jour arrondi à la minute supérieure)'],
    ['fr', 5, 'Aux 5 minutes supérieures', 'Facturé (chaque jour arrondi aux 5 min supérieures)'],
  ] as const)('%s, %i min: %s', (language: Language, minutes, choice, billed) => {
    setLanguage(language);
    expect(roundingLabel(minutes)).toBe(choice);
    if (billed) expect(billedRoundedLabel(minutes)).toBe(billed);
  });
});
