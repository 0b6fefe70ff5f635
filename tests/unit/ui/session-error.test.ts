import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../lib/ui/i18n';
import { sessionErrorText } from '../../../lib/ui/session-error';

afterEach(() => setLanguage('en'));

describe('why a change of stored time was refused', () => {
  it.each([
    ['locked', 'This time is in an invoiced period. Unlock the period from its report to change it.'],
    ['unknown-client', 'This client no longer exists.'],
    ['a-code-no-page-knows', 'That did not work. Try again; if it keeps failing, reload the page.'],
  ])('says %s in words', (error, text) => expect(sessionErrorText(error)).toBe(text));

  it('in French too', () => {
    setLanguage('fr');
    expect(sessionErrorText('locked')).toMatch(/^Ce temps fait partie d’une période facturée/);
  });
});
