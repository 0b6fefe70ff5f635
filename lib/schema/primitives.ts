import * as v from 'valibot';
import { parseIsoDate } from '../time/calendar';

/** The building blocks every record schema shares, so a form, a message and a backup accept the same values. */
export const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));

/** Epoch milliseconds, whole, within what `Date` can hold. */
export const Time = v.pipe(v.number(), v.finite(), v.integer(), v.minValue(0), v.maxValue(8_640_000_000_000));

export const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** Names, accounts and notes are shown as text everywhere; control characters have no business in them. */
export const CleanText = (max: number) => v.pipe(Text(max), v.regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/));

/** A local date that exists on the calendar: `2026-02-31` is refused. */
export const CalendarDate = v.pipe(
  v.string(),
  v.check((text) => parseIsoDate(text) !== null, 'not-a-date'),
);

/** A catalogue id (`facebook`), a custom site (`site:host`) or `manual`: lower-case letters, digits and a few separators, nothing else. */
export const PlatformId = v.pipe(v.string(), v.minLength(1), v.maxLength(300), v.regex(/^[a-z0-9][a-z0-9:._-]*$/));
