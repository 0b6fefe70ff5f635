import Holidays from 'date-holidays';
import { DAY } from '../time/clock';

/** Holidays per country, region and year: computing a year's rules (Easter and all) once is enough. */
const byYear = new Map<string, ReadonlySet<string>>();

/** `YYYY-MM-DD` plus whole days, in calendar arithmetic (UTC), free of the local time zone. */
function plusDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/**
 * The public holidays (type `public` only: not observances, bank or school holidays) of a
 * country, or one of its regions, in a year, as `YYYY-MM-DD` dates in that country.
 */
export function publicHolidays(country: string, region: string, year: number): ReadonlySet<string> {
  const key = `${country}:${region}:${year}`;
  let dates = byYear.get(key);
  if (!dates) {
    const found = new Set<string>();
    // A region date-holidays does not know gets the country's holidays (the library's own fallback).
    for (const holiday of new Holidays(country, region, { types: ['public'] }).getHolidays(year)) {
      if (holiday.type !== 'public') continue;
      const first = holiday.date.slice(0, 10);
      const span = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY));
      for (let i = 0; i < span; i++) found.add(plusDays(first, i));
    }
    dates = found;
    byYear.set(key, dates);
  }
  return dates;
}

/** The regions of a country that have holidays of their own, by code, named in `language` when the library can. */
export function holidayRegions(country: string, language: string): Array<{ code: string; name: string }> {
  const states = new Holidays().getStates(country, language) ?? {};
  return Object.entries(states)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
}
