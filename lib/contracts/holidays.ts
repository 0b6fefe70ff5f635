import { FIRST_YEAR, LAST_YEAR, PUBLIC_HOLIDAYS } from './public-holidays.generated';

/** Holidays per country, region and year: each year's group is decoded once. */
const byYear = new Map<string, ReadonlySet<string>>();

const NONE: ReadonlySet<string> = new Set();

/** A year's group in a field of the generated table (the format is described there). */
function yearGroup(field: string, year: number): string {
  const groups = field.split(' ');
  return groups.length === 1 ? groups[0]! : groups[year - FIRST_YEAR]!;
}

/** `MMDD` values run together, one by one. */
function monthDays(group: string): string[] {
  return group.match(/\d{4}/g) ?? [];
}

/**
 * The public holidays (type `public` only: not observances, bank or school holidays) of a
 * country, or one of its regions, in a year, as `YYYY-MM-DD` dates in that country.
 *
 * They come from a table generated from date-holidays (`npm run holidays:generate`) so that
 * the background and the popup do not load the library. The table covers FIRST_YEAR to
 * LAST_YEAR (2020–2045, a constant in the script): any other year has no public holidays.
 */
export function publicHolidays(country: string, region: string, year: number): ReadonlySet<string> {
  const table = PUBLIC_HOLIDAYS[country];
  if (!table || year < FIRST_YEAR || year > LAST_YEAR) return NONE;
  const key = `${country}:${region}:${year}`;
  let dates = byYear.get(key);
  if (!dates) {
    const found = new Set(monthDays(yearGroup(table.dates, year)));
    // A region the table does not know gets the country's holidays, as date-holidays does.
    const [added = '', removed = ''] = yearGroup(table.regions[region]?.diff ?? '', year).split('-');
    for (const day of monthDays(added)) found.add(day);
    for (const day of monthDays(removed)) found.delete(day);
    dates = new Set([...found].map((day) => `${year}-${day.slice(0, 2)}-${day.slice(2)}`));
    byYear.set(key, dates);
  }
  return dates;
}

/** The regions of a country that have holidays of their own, by code, named in `language`. */
export function holidayRegions(country: string, language: 'en' | 'fr'): Array<{ code: string; name: string }> {
  return Object.entries(PUBLIC_HOLIDAYS[country]?.regions ?? {})
    .map(([code, region]) => ({ code, name: region[language] }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
}
