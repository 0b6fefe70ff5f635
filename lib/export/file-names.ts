import { isoDate } from '../time/calendar';
import type { TimeRange } from '../time/local-day';

/** A file name part safe on every system: letters, digits, dashes, no accents lost in transit. */
export function safeFilePart(text: string): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return cleaned || 'client';
}

/** `2026-11-23_2026-11-29`: the range's first and last days. */
export function rangeLabel(range: TimeRange): string {
  return `${isoDate(range.from)}_${isoDate(range.to - 1)}`;
}
