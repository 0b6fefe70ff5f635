import { HOLIDAY_COUNTRIES, type HolidayCountry } from './holiday-countries';

/**
 * The public holidays a new user most likely keeps: those of the country of the browser's
 * language (`fr-BE` → Belgium; without a country, the likeliest one: `fr` → France, `en` →
 * the United States), when offered; else none, rather than another country's holidays
 * taken silently out of every contract.
 */
export function holidayCountryForLocale(locale: string): HolidayCountry {
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    return 'none';
  }
  return HOLIDAY_COUNTRIES.find((country) => country === region) ?? 'none';
}
