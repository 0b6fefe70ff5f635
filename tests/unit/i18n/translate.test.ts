import { afterEach, describe, expect, it } from 'vitest';
import { resolveLanguage, setLanguage, t } from '../../../lib/ui/i18n';

afterEach(() => setLanguage('en'));

describe('messages', () => {
  it('follows the browser when left to it, and the user otherwise', () => {
    expect(resolveLanguage('auto', 'fr-FR')).toBe('fr');
    expect(resolveLanguage('auto', 'fr')).toBe('fr');
    expect(resolveLanguage('auto', 'de-DE')).toBe('en');
    expect(resolveLanguage('en', 'fr-FR')).toBe('en');
    expect(resolveLanguage('fr', 'en-US')).toBe('fr');
  });

  it('fills placeholders in either language', () => {
    expect(t('focusOver', '10 min')).toBe('10 min over');
    setLanguage('fr');
    expect(t('focusOver', '10 min')).toBe('10 min de dépassement');
    expect(t('today')).toBe("Aujourd'hui");
  });
});
