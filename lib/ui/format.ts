import { currentLanguage } from './i18n';

/**
 * Durations as people read them in a time sheet, the same in English and French:
 * `45 s`, `12 min`, `1 h 05`. Rounded down: a figure never shows time not yet spent.
 */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) return `${totalMinutes} min`;
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return `${hours} h ${String(minutes).padStart(2, '0')}`;
}

/**
 * What is left of a target in whole minutes: rounded up, so that beside the time used
 * (rounded down) it adds up to the target as shown; 3 h 15 min 30 s of 21 h leaves 17 h 45.
 */
export function formatRemaining(ms: number): string {
  return formatDuration(ms >= 60_000 ? Math.ceil(ms / 60_000) * 60_000 : ms);
}

/** Hours and minutes in four or five characters (`4:22`), for labels over narrow bars; rounded down. */
export function formatShortDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

export function formatHours(ms: number): string {
  return new Intl.NumberFormat(currentLanguage(), { maximumFractionDigits: 2 }).format(ms / 3_600_000);
}

/**
 * An amount in cents (hundredths of the unit). The division is exact enough: the double
 * nearest to a two-decimal amount below 10^13 prints back as that amount.
 */
export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat(currentLanguage(), { style: 'currency', currency }).format(cents / 100);
}

/**
 * The browser's own locale when it speaks the interface's language (en-GB writes 14:30,
 * en-US 2:30 PM), else the interface's language: times read as the user reads them.
 */
function timeLocale(): string {
  const browser = typeof navigator === 'undefined' ? '' : navigator.language;
  return browser.toLowerCase().startsWith(currentLanguage()) ? browser : currentLanguage();
}

export function formatClock(at: number): string {
  return new Intl.DateTimeFormat(timeLocale(), { hour: '2-digit', minute: '2-digit' }).format(at);
}

export function formatDay(at: number, long = false): string {
  return new Intl.DateTimeFormat(currentLanguage(), long ? { weekday: 'long', day: 'numeric', month: 'long' } : { day: 'numeric', month: 'short', year: 'numeric' }).format(at);
}

/** A country's name in the interface's language, from its ISO code. */
export function formatCountry(code: string): string {
  return new Intl.DisplayNames([currentLanguage()], { type: 'region' }).of(code) ?? code;
}

export function formatMonth(at: number): string {
  return new Intl.DateTimeFormat(currentLanguage(), { month: 'long', year: 'numeric' }).format(at);
}

export function formatWeekday(at: number): string {
  return new Intl.DateTimeFormat(currentLanguage(), { weekday: 'short', day: 'numeric' }).format(at);
}

/** How long ago, in words ("3 minutes ago", "il y a 3 minutes"; "now" under a minute): sync and other past events. */
export function formatAgo(at: number, now: number): string {
  const format = new Intl.RelativeTimeFormat(currentLanguage(), { numeric: 'auto' });
  const minutes = Math.round((at - now) / 60_000);
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return format.format(hours, 'hour');
  return format.format(Math.round(hours / 24), 'day');
}
