import { describe, expect, it } from 'vitest';
import { holidayRegions, publicHolidays } from '../../../lib/contracts/holidays';
import { FIRST_YEAR, LAST_YEAR, PUBLIC_HOLIDAYS } from '../../../lib/contracts/public-holidays.generated';
import { HOLIDAY_COUNTRIES } from '../../../lib/settings/holiday-countries';
import { livePublicHolidays, liveRegions, REGION_LANGUAGES } from '../../../scripts/holidays/live';

const years = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
const sorted = (dates: Iterable<string>) => [...dates].sort();

// The extension reads a table generated from date-holidays: it must say what the library says.
describe('the generated public holidays against date-holidays', () => {
  it('cover the countries offered, and them only', () => {
    expect(Object.keys(PUBLIC_HOLIDAYS).sort()).toEqual([...HOLIDAY_COUNTRIES].sort());
  });

  // Every year of every region takes the library seconds (the US alone over 15 s on a busy
  // machine): a country at a time, with room.
  it.each(HOLIDAY_COUNTRIES)('%s and its regions, every year of the table', (country) => {
    for (const region of ['', ...Object.keys(liveRegions(country, 'en'))]) {
      const live = livePublicHolidays(country, region);
      for (const year of years) {
        expect(sorted(publicHolidays(country, region, year)), `${country} ${region} ${year}`).toEqual(sorted(live(year)));
      }
    }
  }, 60_000);

  it.each(HOLIDAY_COUNTRIES.flatMap((country) => REGION_LANGUAGES.map((language) => [country, language] as const)))(
    '%s regions named in %s',
    (country, language) => {
      const live = Object.entries(liveRegions(country, language)).map(([code, name]) => ({ code, name }));
      expect(holidayRegions(country, language)).toEqual(live.sort((a, b) => a.name.localeCompare(b.name, language)));
    },
  );

  it('have no public holidays outside the years of the table', () => {
    expect(publicHolidays('FR', '', FIRST_YEAR - 1).size).toBe(0);
    expect(publicHolidays('FR', '57', LAST_YEAR + 1).size).toBe(0);
    expect(publicHolidays('FR', '', LAST_YEAR).has(`${LAST_YEAR}-07-14`)).toBe(true);
  });
});
