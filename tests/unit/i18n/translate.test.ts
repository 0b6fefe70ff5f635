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
    expect(t('forClient', 'Dupont')).toBe('for Dupont');
    setLanguage('fr');
    expect(t('forClient', 'Dupont')).toBe('pour Dupont');
    expect(t('today')).toBe("Aujourd'hui");
  });
});
