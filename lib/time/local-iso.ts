import { format } from 'date-fns';

/** Local time with its offset, to the second: `2026-11-27T09:15:03+01:00`. */
export function localIso(at: number): string {
  return format(at, "yyyy-MM-dd'T'HH:mm:ssxxx");
}
