// What date-holidays itself says, for the generator to write down and the unit test to check
// the written table against: the extension's bundles carry the table, never the library.
import Holidays from 'date-holidays';
import { DAY } from '../../lib/time/clock';

/** The languages the settings form names regions in. */
export const REGION_LANGUAGES = ['en', 'fr'] as const;

/** `YYYY-MM-DD` plus whole days, in calendar arithmetic (UTC), free of the local time zone. */
function plusDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/**
 * The public holidays (type `public` only: not observances, bank or school holidays) of a
 * country, or one of its regions ('' for none), per year, as `YYYY-MM-DD` dates in that
 * country; a holiday of several days counts each of them.
 */
export function livePublicHolidays(country: string, region: string): (year: number) => Set<string> {
  // One instance for every year: building the rules is most of the cost.
  const holidays = new Holidays(country, region, { types: ['public'] });
  return (year) => {
    const found = new Set<string>();
    for (const holiday of holidays.getHolidays(year)) {
      if (holiday.type !== 'public') continue;
      const first = holiday.date.slice(0, 10);
      const span = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY));
      for (let i = 0; i < span; i++) found.add(plusDays(first, i));
    }
    return found;
  };
}

/** A country's regions that have holidays of their own, code to name in `language`. */
export function liveRegions(country: string, language: (typeof REGION_LANGUAGES)[number]): Record<string, string> {
  return new Holidays().getStates(country, language) ?? {};
}
