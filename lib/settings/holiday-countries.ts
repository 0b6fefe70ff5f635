/**
 * Countries offered for public holidays: where French- and English-speaking community
 * managers and their clients mostly are. Codes as date-holidays knows them (ISO 3166-1);
 * names come from `Intl.DisplayNames` in the user's language.
 */
export const HOLIDAY_COUNTRIES = [
  'FR', 'BE', 'CH', 'LU', 'MC', 'CA', 'US', 'GB', 'IE', 'DE', 'AT', 'NL', 'ES', 'PT', 'IT',
  'MA', 'DZ', 'TN', 'SN', 'CI', 'CM', 'RE', 'AU', 'NZ',
] as const;

/** `none`: no public holidays are taken out of the contracts (leave still is). */
export type HolidayCountry = (typeof HOLIDAY_COUNTRIES)[number] | 'none';

export function isHolidayCountry(value: unknown): value is HolidayCountry {
  return value === 'none' || HOLIDAY_COUNTRIES.includes(value as never);
}

/** A region code as date-holidays spells them (`57`, `BY`, `ZH`, `VLG`); which exist is the library's to say. */
export function isRegionCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z0-9]{0,4}$/.test(value);
}
