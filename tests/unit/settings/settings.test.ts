import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../../lib/platforms/classify';
import { isCatalogueHost } from '../../../lib/platforms/catalogue';
import { DEFAULT_SETTINGS, readSettings, validateSettings, type Settings } from '../../../lib/settings/settings';
import { validateCustomSite } from '../../../lib/sites/custom-site';

describe('settings', () => {
  it('has sensible defaults', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ readingAllowanceSeconds: 60, countMedia: true, workingDays: [1, 2, 3, 4, 5], weekStartsOn: 1, awayPromptMinutes: 10, language: 'auto' });
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual([]);
  });

  it.each([
    [{ readingAllowanceSeconds: 5 }, 'readingAllowanceSeconds', 'out-of-range'],
    [{ readingAllowanceSeconds: Number.NaN }, 'readingAllowanceSeconds', 'out-of-range'],
    [{ workingDays: [] }, 'workingDays', 'no-working-day'],
    [{ workingDays: [1, 9] }, 'workingDays', 'not-a-weekday'],
    [{ weekStartsOn: 7 }, 'weekStartsOn', 'not-a-weekday'],
    [{ awayPromptMinutes: 0 }, 'awayPromptMinutes', 'out-of-range'],
    [{ language: 'de' }, 'language', 'unknown-language'],
    [{ holidayCountry: 'XX' }, 'holidayCountry', 'unknown-choice'],
    [{ holidayRegion: 'not a region!' }, 'holidayRegion', 'unknown-choice'],
    [{ holidayCountry: 'none', holidayRegion: '57' }, 'holidayRegion', 'unknown-choice'],
    [{ leave: [{ from: '2026-08-14', to: '2026-08-03' }] }, 'leave', 'bad-leave'],
    [{ leave: [{ from: '2026-02-30', to: '2026-03-03' }] }, 'leave', 'bad-leave'],
    [{ leave: [{ from: '2026-08-03' }] }, 'leave', 'bad-leave'],
    [{ mastodonServers: ['not a host'] }, 'mastodonServers', 'not-a-host'],
    [{ disabledPlatforms: ['myspace'] }, 'disabledPlatforms', 'unknown-platform'],
    [{ countMedia: 'yes' }, 'countMedia', 'not-a-boolean'],
    [{ reportTimeFormat: 'minutes' }, 'reportTimeFormat', 'unknown-choice'],
    [{ reportSender: 'x'.repeat(1001) }, 'reportSender', 'bad-text'],
    [{ reportSender: 'Léa Martin\u0007' }, 'reportSender', 'bad-text'],
  ])('refuses %j', (change, field, code) => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, ...change } as unknown as Settings)).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('report in hours and minutes by default, and take a sender block of several lines', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ reportTimeFormat: 'hm', reportSender: '' });
    expect(validateSettings({ ...DEFAULT_SETTINGS, reportTimeFormat: 'decimal', reportSender: 'Léa Martin\r\n12 rue des Lilas\n75011 Paris\tSIRET 123 456 789 00012' })).toEqual([]);
  });

  it('reads damaged or older stored settings field by field, keeping what is valid', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    const read = readSettings({ readingAllowanceSeconds: 90, countMedia: 'no', mastodonServers: ['piaille.fr', '<script>'], weekStartsOn: 0 });
    expect(read).toMatchObject({ readingAllowanceSeconds: 90, countMedia: true, mastodonServers: ['piaille.fr'], weekStartsOn: 0 });
  });
});

describe('days off', () => {
  it('default to the public holidays of France and no leave', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ holidayCountry: 'FR', holidayRegion: '', leave: [] });
  });

  it('are read keeping the good leave ranges of a damaged list', () => {
    const good = { from: '2026-08-03', to: '2026-08-14' };
    const read = readSettings({ holidayCountry: 'DE', holidayRegion: 'BY', leave: [good, { from: 'x', to: 'y' }, 42] });
    expect(read).toMatchObject({ holidayCountry: 'DE', holidayRegion: 'BY', leave: [good] });
  });
});

describe('custom sites', () => {
  const ok = validateCustomSite({ name: 'Planoly', host: 'https://www.Planoly.com/dashboard', accountPattern: 'planoly.com/accounts/{account}/*' }, [], isCatalogueHost);

  it('are validated with a message for each problem', () => {
    expect(ok).toEqual({ ok: true, site: { id: 'site:planoly.com', name: 'Planoly', host: 'planoly.com', accountPattern: 'planoly.com/accounts/{account}/*' } });
    const bad = (input: Partial<{ name: string; host: string; accountPattern: string }>) => {
      const result = validateCustomSite({ name: 'X', host: 'example.org', accountPattern: '', ...input }, ok.ok ? [ok.site] : [], isCatalogueHost);
      return result.ok ? [] : result.problems;
    };
    expect(bad({ name: ' ' })).toContain('name-empty');
    expect(bad({ host: 'localhost' })).toContain('host-invalid');
    expect(bad({ host: 'planoly.com' })).toContain('host-duplicate');
    expect(bad({ host: 'www.facebook.com' })).toContain('host-in-catalogue');
    expect(bad({ accountPattern: 'example.org/clients/*' })).toContain('pattern-no-placeholder');
    expect(bad({ accountPattern: 'other.org/{account}' })).toContain('pattern-other-host');
  });

  it('are tracked like a platform, with the account the pattern reads', () => {
    if (!ok.ok) throw new Error('expected a valid site');
    const classify = createClassifier({ customSites: [ok.site] });
    expect(classify('https://app.planoly.com/x')).toEqual({ platform: 'site:planoly.com', account: null, activity: 'browsing' });
    expect(classify('https://www.planoly.com/accounts/boulangerie/calendar')).toEqual({ platform: 'site:planoly.com', account: 'boulangerie', activity: 'browsing' });
  });
});
