import type { Settings } from '../settings/settings';
import { publicHolidays } from './holidays';
import type { CalendarSettings } from './targets';

type CalendarFields = Pick<Settings, 'workingDays' | 'weekStartsOn' | 'holidayCountry' | 'holidayRegion' | 'leave'>;

/** One calendar per settings object: the core caches working days per calendar, so re-renders reuse them. */
const calendars = new WeakMap<CalendarFields, CalendarSettings>();

/**
 * The calendar every contract figure is computed with: the working weekdays, the week
 * start, and the days off (public holidays of the chosen country and region, the user's
 * leave). The only place that builds one from the settings.
 */
export function calendarFromSettings(settings: CalendarFields): CalendarSettings {
  let calendar = calendars.get(settings);
  if (!calendar) {
    const { holidayCountry: country, holidayRegion: region, leave } = settings;
    calendar = {
      workingDays: settings.workingDays,
      weekStartsOn: settings.weekStartsOn,
      isDayOff: (iso) =>
        (country !== 'none' && publicHolidays(country, region, Number(iso.slice(0, 4))).has(iso)) || leave.some((range) => range.from <= iso && iso <= range.to),
    };
    calendars.set(settings, calendar);
  }
  return calendar;
}
